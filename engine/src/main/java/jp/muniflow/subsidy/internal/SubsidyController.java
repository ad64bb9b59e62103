package jp.muniflow.subsidy.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import jp.muniflow.notice.Notice;
import jp.muniflow.notice.NoticeQueries;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.Paging;
import jp.muniflow.platform.PagingHeaders;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.subsidy.ApplicationQueries;
import jp.muniflow.subsidy.ApplicationSearch;
import jp.muniflow.subsidy.ApplicationStatus;
import jp.muniflow.subsidy.BudgetQueries;
import jp.muniflow.subsidy.SubmissionRequest;
import jp.muniflow.subsidy.SubmitApplication;
import jp.muniflow.subsidy.SubsidyApplication;
import jp.muniflow.subsidy.WithdrawApplication;
import jp.muniflow.tenants.GroupIds;
import jp.muniflow.tenants.TenantRegistry;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Subsidy applications: submit, list, read one with its steps, withdraw; and a municipality's remaining cap. */
@RestController
@RequestMapping("/api")
@Tag(name = "助成金申請 Subsidy applications")
class SubsidyController {

  private final SubmitApplication submit;
  private final WithdrawApplication withdraw;
  private final ApplicationQueries queries;
  private final BudgetQueries budgets;
  private final TenantRegistry registry;
  private final NoticeQueries notices;

  SubsidyController(SubmitApplication submit, WithdrawApplication withdraw, ApplicationQueries queries,
      BudgetQueries budgets, TenantRegistry registry, NoticeQueries notices) {
    this.notices = notices;
    this.submit = submit;
    this.withdraw = withdraw;
    this.queries = queries;
    this.budgets = budgets;
    this.registry = registry;
  }

  @PostMapping("/subsidy-applications")
  @Operation(summary = "申請する / submit an application",
      description = "Staff only; the tenant is the caller's municipality. 422 when the remaining cap is smaller than the request.")
  ResponseEntity<Submitted> submit(@AuthenticationPrincipal MuniFlowUser user, @RequestBody SubmissionRequest request) {
    SubsidyApplication a = submit.submit(user, request);
    return ResponseEntity.created(URI.create("/api/subsidy-applications/" + a.id()))
        .body(new Submitted(a.id(), a.status(), a.tenantId(), a.processInstanceId()));
  }

  @PostMapping(path = "/subsidy-applications", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "書類を添えて申請する / submit an application with its documents (multipart)",
      description = "The part 'application' holds the JSON of the application; every other part is a file, named by its "
          + "kind (business-plan, budget, estimate). 400 lists every missing document and field, 422 every refused file.")
  ResponseEntity<Submitted> submitWithDocuments(@AuthenticationPrincipal MuniFlowUser user,
      @org.springframework.web.bind.annotation.RequestPart("application") SubmissionRequest request,
      org.springframework.web.multipart.MultipartHttpServletRequest multipart) {
    SubsidyApplication a = submit.submit(user, request, DocumentController.uploads(multipart));
    return ResponseEntity.created(URI.create("/api/subsidy-applications/" + a.id()))
        .body(new Submitted(a.id(), a.status(), a.tenantId(), a.processInstanceId()));
  }

  /**
   * A page of the applications the user may see, searched as the list page searches them. The body stays the array it
   * always was; how many match in all is in {@code X-Total-Count}, the neighbouring pages in {@code Link} (RFC 8288).
   */
  @GetMapping("/subsidy-applications")
  @Operation(summary = "申請の一覧 / the applications you may see, searched and paged",
      description = "q: number, title or municipality (name, kana, English); municipality: its code; page from 1, size up "
          + "to 500 (50); sort: -submitted (default), submitted, id, title, requested, status (- for descending). "
          + "The total is in X-Total-Count.")
  ResponseEntity<List<Summary>> list(@AuthenticationPrincipal MuniFlowUser user,
      @RequestParam(required = false) ApplicationStatus status, @RequestParam(required = false) Integer fiscalYear,
      @RequestParam(required = false) String q, @RequestParam(required = false) String municipality,
      @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    Paging paging = Paging.of(page, size);
    Paging.Result<SubsidyApplication> found = queries.search(user,
        new ApplicationSearch(q, municipality, status, fiscalYear, sort), paging);
    return ResponseEntity.ok().headers(PagingHeaders.of(found))
        .body(found.items().stream().map(this::summary).toList());
  }

  @GetMapping("/subsidy-applications/{id}")
  @Operation(summary = "申請の詳細 / one application with its current step and history")
  Detail get(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id) {
    SubsidyApplication a = queries.get(user, id);
    return new Detail(summary(a), a.description(), a.actualCost(), a.confirmedAmount(), a.reservedAmount(),
        a.processInstanceId(), a.submittedBy(), queries.currentSteps(a), queries.history(a), notices.about(user, a.id()));
  }

  @PostMapping("/subsidy-applications/{id}/withdraw")
  @Operation(summary = "取り下げる / withdraw before the decision", description = "409 once decided.")
  Summary withdraw(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id) {
    return summary(withdraw.withdraw(user, id));
  }

  @GetMapping("/subsidy-budget")
  @Operation(summary = "助成金の残額 / your municipality's cap and remaining amount for a fiscal year")
  BudgetQueries.BudgetView budget(@AuthenticationPrincipal MuniFlowUser user, @RequestParam Integer fiscalYear) {
    String tenant = user.groups().stream().map(GroupIds::municipalityOfStaffGroup).flatMap(java.util.Optional::stream)
        .findFirst().orElseThrow(() -> BusinessRuleException.forbidden("subsidy.staff-only"));
    return budgets.of(tenant, fiscalYear);
  }

  private Summary summary(SubsidyApplication a) {
    String municipality = registry.municipality(a.tenantId()).map(m -> m.name()).orElse(a.tenantId());
    return new Summary(a.id(), a.tenantId(), municipality, a.fiscalYear(), a.title(), a.requestedAmount(),
        a.grantedAmount(), a.plannedStart(), a.plannedEnd(), a.status(), a.reviewingSecretariat(), a.decidingSecretariat(),
        a.submittedAt().atZone(JapanTime.ZONE).toOffsetDateTime());
  }

  record Submitted(String id, ApplicationStatus status, String tenantId, String processInstanceId) {
  }

  record Summary(String id, String tenantId, String municipalityName, int fiscalYear, String title, long requestedAmount,
      Long grantedAmount, LocalDate plannedStart, LocalDate plannedEnd, ApplicationStatus status,
      String reviewingSecretariat, String decidingSecretariat, OffsetDateTime submittedAt) {
  }

  record Detail(Summary application, String description, Long actualCost, Long confirmedAmount, long reservedAmount,
      String processInstanceId, String submittedBy, List<ApplicationQueries.CurrentStep> currentSteps,
      List<ApplicationQueries.HistoryStep> history, List<Notice> notices) {
  }
}
