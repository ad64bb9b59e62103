package jp.muniflow.plan.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.muniflow.plan.Plan;
import jp.muniflow.plan.PlanDocument;
import jp.muniflow.plan.PlanQueries;
import jp.muniflow.plan.PlanStatus;
import jp.muniflow.plan.SubmitPlan;
import jp.muniflow.security.MuniFlowUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The joint project's yearly plans: submitted by the coordinator as YAML or JSON, read by everyone. */
@RestController
@RequestMapping("/api/plans")
@Tag(name = "事業計画 Program plans")
class PlanController {

  static final String[] PLAN_TYPES = {"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml",
      "application/json", "text/plain"};

  private final SubmitPlan submit;
  private final PlanQueries queries;
  private final PlanNotices notices;

  PlanController(SubmitPlan submit, PlanQueries queries, PlanNotices notices) {
    this.submit = submit;
    this.queries = queries;
    this.notices = notices;
  }

  @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "application/json",
      "text/plain"})
  @Operation(summary = "事業計画を提出する / submit a fiscal year's plan",
      description = "The coordinator (kyogikai-managers) only. YAML or JSON of the shape of programs-fy2012.yaml; "
          + "every error is listed at once (422).")
  ResponseEntity<PlanView> submit(@AuthenticationPrincipal MuniFlowUser user, @RequestBody String plan) {
    Plan p = submit.submit(user, plan);
    return ResponseEntity.created(URI.create("/api/plans/" + p.fiscalYear())).body(view(user, p));
  }

  @GetMapping
  @Operation(summary = "各年度の事業計画 / the plan of each fiscal year")
  List<PlanSummary> list() {
    return queries.latestOfEachYear().stream()
        .map(p -> new PlanSummary(p.id(), p.fiscalYear(), p.status(), p.revision(), p.document().programs().size(),
            p.document().totalBudgetYen(), p.councilDate()))
        .toList();
  }

  @GetMapping("/{fiscalYear}")
  @Operation(summary = "年度の事業計画 / a fiscal year's plan with its status, reviews and notices")
  PlanView get(@AuthenticationPrincipal MuniFlowUser user, @PathVariable int fiscalYear) {
    return view(user, queries.ofYear(fiscalYear));
  }

  private PlanView view(MuniFlowUser user, Plan p) {
    return new PlanView(p.id(), p.fiscalYear(), p.status(), p.revision(), p.councilDate(), p.submittedBy(),
        p.submittedAt(), p.document(), queries.reviewsFor(user, p), notices.of(user, p));
  }

  record PlanSummary(String id, int fiscalYear, PlanStatus status, int revision, int programCount, long totalBudgetYen,
      LocalDate councilDate) {
  }

  record PlanView(String id, int fiscalYear, PlanStatus status, int revision, LocalDate councilDate, String submittedBy,
      Instant submittedAt, PlanDocument document, List<PlanStore.Review> reviews, PlanNotices.Links notices) {
  }
}
