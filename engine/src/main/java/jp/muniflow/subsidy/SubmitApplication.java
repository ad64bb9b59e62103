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
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.FieldChecks;
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
 * Staff submit an application for their municipality. One transaction: check the input, lock the municipality's
 * budget row, check the remaining cap, reserve the amount, store the application and start its process. A refused
 * submission leaves nothing behind; two racing submissions are checked one after the other.
 */
@Service
public class SubmitApplication {

  public static final int TITLE_MAX = 200;
  public static final int DESCRIPTION_MAX = 4000;

  private final TenantRegistry registry;
  private final SubsidyYears years;
  private final Budgets budgets;
  private final ApplicationStore store;
  private final ProcessStarter processes;
  private final Clock clock;

  SubmitApplication(TenantRegistry registry, SubsidyYears years, Budgets budgets, ApplicationStore store,
      ProcessStarter processes, Clock clock) {
    this.registry = registry;
    this.years = years;
    this.budgets = budgets;
    this.store = store;
    this.processes = processes;
    this.clock = clock;
  }

  @Transactional
  public SubsidyApplication submit(MuniFlowUser user, SubmissionRequest request) {
    Municipality municipality = municipalityOf(user);
    Valid input = validate(request);
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
    return application;
  }

  /** The municipality of a staff member; anybody else may not submit. */
  private Municipality municipalityOf(MuniFlowUser user) {
    return user.groups().stream().map(GroupIds::municipalityOfStaffGroup).flatMap(java.util.Optional::stream)
        .map(registry::municipality).flatMap(java.util.Optional::stream)
        .filter(m -> user.canSeeTenant(m.tenantId()))
        .findFirst()
        .orElseThrow(() -> BusinessRuleException.forbidden("subsidy.staff-only"));
  }

  private static Valid validate(SubmissionRequest r) {
    FieldChecks checks = new FieldChecks();
    if (r.fiscalYear() == null) {
      checks.add("fiscalYear", "input.required");
    } else if (r.fiscalYear() < 2000 || r.fiscalYear() > 2100) {
      checks.add("fiscalYear", "input.fiscal-year.range");
    }
    String title = checks.text("title", r.title(), true, TITLE_MAX, false);
    String description = checks.text("description", r.description(), true, DESCRIPTION_MAX, true);
    Long amount = checks.amount("requestedAmount", r.requestedAmount(), true);
    checks.date("plannedStart", r.plannedStart(), true);
    checks.date("plannedEnd", r.plannedEnd(), true);
    checks.period("plannedStart", r.plannedStart(), "plannedEnd", r.plannedEnd());
    checks.throwIfAny();
    return new Valid(r.fiscalYear(), title, description, amount, r.plannedStart(), r.plannedEnd());
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
