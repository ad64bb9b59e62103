package jp.muniflow.subsidy;

import static jp.muniflow.processes.subsidy.SubsidyVariables.APPLICATION_ID;
import static jp.muniflow.processes.subsidy.SubsidyVariables.DESCRIPTION;
import static jp.muniflow.processes.subsidy.SubsidyVariables.FISCAL_YEAR;
import static jp.muniflow.processes.subsidy.SubsidyVariables.MUNICIPALITY_KIND;
import static jp.muniflow.processes.subsidy.SubsidyVariables.PLANNED_END;
import static jp.muniflow.processes.subsidy.SubsidyVariables.PLANNED_START;
import static jp.muniflow.processes.subsidy.SubsidyVariables.REQUESTED_AMOUNT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.STAFF_GROUP;
import static jp.muniflow.processes.subsidy.SubsidyVariables.TITLE;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import jp.muniflow.modeling.ProcessStarter;
import java.util.List;
import jp.muniflow.attachment.Upload;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.RequestChecks;
import jp.muniflow.subsidy.internal.ApplicationDocuments;
import org.springframework.context.i18n.LocaleContextHolder;
import jp.muniflow.processes.subsidy.SubsidyVariables;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.subsidy.internal.ApplicationStore;
import jp.muniflow.subsidy.internal.Budgets;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.subsidy.internal.Yen;
import jp.muniflow.tenants.GroupIds;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.TenantRegistry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff submit an application for their municipality. One transaction: check the input and that every required
 * document is staged, lock the municipality's budget row, check the remaining cap, reserve the amount, store the
 * application with its documents and start its process. A refused submission leaves nothing behind (what was staged
 * before stays staged); two racing submissions are checked one after the other.
 */
@Service
public class SubmitApplication {

  public static final int TITLE_MAX = SubmissionRequest.TITLE_MAX;
  public static final int DESCRIPTION_MAX = SubmissionRequest.DESCRIPTION_MAX;

  private final TenantRegistry registry;
  private final SubsidyYears years;
  private final Budgets budgets;
  private final ApplicationStore store;
  private final ProcessStarter processes;
  private final ApplicationDocuments documents;
  private final RequestChecks checks;
  private final Clock clock;

  SubmitApplication(TenantRegistry registry, SubsidyYears years, Budgets budgets, ApplicationStore store,
      ProcessStarter processes, ApplicationDocuments documents, RequestChecks checks, Clock clock) {
    this.checks = checks;
    this.documents = documents;
    this.registry = registry;
    this.years = years;
    this.budgets = budgets;
    this.store = store;
    this.processes = processes;
    this.clock = clock;
  }

  /**
   * Submits with files sent in the same request (multipart), by kind: they are staged first, and a refused file
   * refuses the whole submission (422), every refusal listed, with nothing of this request kept.
   */
  @Transactional
  public SubsidyApplication submit(MuniFlowUser user, SubmissionRequest request, Map<String, List<Upload>> files) {
    Municipality municipality = municipalityOf(user);
    List<InvalidInputException.FieldProblem> refused = documents.stageForNew(user, municipality.tenantId(),
        yearOrZero(request), files);
    if (!refused.isEmpty()) {
      throw InvalidInputException.unprocessable(refused);
    }
    return submit(user, request);
  }

  @Transactional
  public SubsidyApplication submit(MuniFlowUser user, SubmissionRequest request) {
    Municipality municipality = municipalityOf(user);
    checks.check(request,
        documents.missingForNew(user, municipality.tenantId(), yearOrZero(request), LocaleContextHolder.getLocale()));
    Valid input = new Valid(request.fiscalYear(), request.title(), request.description(),
        request.requestedAmount().longValueExact(), request.plannedStart(), request.plannedEnd());
    long cap = years.capOf(input.fiscalYear())
        .orElseThrow(() -> BusinessRuleException.unprocessable("subsidy.year-not-open", String.valueOf(input.fiscalYear())));
    Budgets.Budget budget = budgets.lock(municipality.tenantId(), input.fiscalYear())
        .orElseThrow(() -> BusinessRuleException.unprocessable("subsidy.year-not-open", String.valueOf(input.fiscalYear())));
    if (input.amount() > budget.remaining()) {
      throw BusinessRuleException.unprocessable("subsidy.cap-exceeded", Yen.format(input.amount()),
              Yen.format(budget.remaining()), String.valueOf(input.fiscalYear()), Yen.format(cap))
          .with("remainingAmount", budget.remaining()).with("cap", cap);
    }
    String id = String.format(Locale.ROOT, "%d-%s-%03d", input.fiscalYear(), municipality.code(), budget.nextSeq());
    budgets.reserve(budget, input.amount(), true);

    ProcessInstance instance = processes.startForTenant(SubsidyVariables.PROCESS_KEY, municipality.tenantId(), id,
        variables(id, municipality, input));
    Instant now = Instant.now(clock);
    SubsidyApplication application = new SubsidyApplication(id, municipality.tenantId(), input.fiscalYear(),
        input.title(), input.description(), input.amount(), input.plannedStart(), input.plannedEnd(),
        ApplicationStatus.SUBMITTED, input.amount(), null, null, null, null, null, instance.getId(), user.username(), now, now);
    store.insert(application);
    documents.commitNew(user, municipality.tenantId(), id);
    return application;
  }

  /** The year whose plan names the documents; 0 (the defaults) when the request has none worth reading. */
  private static int yearOrZero(SubmissionRequest request) {
    return request.fiscalYear() == null ? 0 : request.fiscalYear();
  }

  /** The municipality of a staff member; anybody else may not submit. */
  private Municipality municipalityOf(MuniFlowUser user) {
    return user.groups().stream().map(GroupIds::municipalityOfStaffGroup).flatMap(java.util.Optional::stream)
        .map(registry::municipality).flatMap(java.util.Optional::stream)
        .filter(m -> user.canSeeTenant(m.tenantId()))
        .findFirst()
        .orElseThrow(() -> BusinessRuleException.forbidden("subsidy.staff-only"));
  }

  private static Map<String, Object> variables(String id, Municipality municipality, Valid input) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(APPLICATION_ID, id);
    vars.put(MUNICIPALITY_KIND, municipality.kind().code());
    vars.put(STAFF_GROUP, municipality.staffGroup());
    vars.put(FISCAL_YEAR, input.fiscalYear());
    vars.put(TITLE, input.title());
    vars.put(DESCRIPTION, input.description());
    vars.put(REQUESTED_AMOUNT, input.amount());
    vars.put(PLANNED_START, input.plannedStart().toString());
    vars.put(PLANNED_END, input.plannedEnd().toString());
    return vars;
  }

  private record Valid(int fiscalYear, String title, String description, long amount,
      java.time.LocalDate plannedStart, java.time.LocalDate plannedEnd) {
  }
}
