package jp.muniflow.plan.internal;

import static jp.muniflow.processes.plan.PlanContract.APPROVE;
import static jp.muniflow.processes.plan.PlanContract.RECORD_COUNCIL_DECISION;
import static jp.muniflow.processes.plan.PlanContract.REQUEST_CHANGES;
import static jp.muniflow.processes.plan.PlanContract.REVIEW_PLAN;
import static jp.muniflow.processes.plan.PlanContract.REVISE_PLAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.processes.plan.PlanContract;
import jp.muniflow.processes.plan.PlanVariables;
import jp.muniflow.task.TaskCompletionCheck.TaskFacts;
import jp.muniflow.tenants.TenantRegistry;
import org.junit.jupiter.api.Test;

/** What each task of the plan's approval accepts as its outcome, checked without Spring or an engine. */
class PlanTaskRulesTest {

  private final PlanTaskRules rules = new PlanTaskRules(new PlanReader(TenantRegistry.fromClasspath()));

  private Map<String, Object> check(String task, Object... outcome) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < outcome.length; i += 2) {
      values.put((String) outcome[i], outcome[i + 1]);
    }
    return rules.check(new TaskFacts(PlanVariables.PROCESS_KEY, task, "pi-1", "2026-1", null), values);
  }

  private List<String> problems(String task, Object... outcome) {
    try {
      check(task, outcome);
    } catch (InvalidInputException e) {
      return e.problems().stream().map(p -> p.field() + ":" + p.messageKey()).toList();
    }
    throw new AssertionError("the outcome was accepted");
  }

  @Test
  void theRulesKnowExactlyTheContractsTasks() {
    PlanContract.OUTCOMES.forEach((task, variables) -> {
      assertThat(rules.supports(PlanVariables.PROCESS_KEY, task)).as(task).isTrue();
      assertThat(rules.outcomeVariables(task)).as(task).isEqualTo(variables);
    });
  }

  @Test
  void aReviewApprovesWithoutACommentAndAsksForChangesWithOne() {
    assertThat(check(REVIEW_PLAN, "decision", APPROVE)).containsEntry("decision", APPROVE).containsEntry("comment", "");
    assertThat(problems(REVIEW_PLAN, "decision", REQUEST_CHANGES)).containsExactly("comment:input.required");
    assertThat(problems(REVIEW_PLAN, "decision", "grant")).extracting(p -> p.split(":")[0]).containsExactly("decision");
  }

  @Test
  void aRevisionThatIsNoPlanIsRefusedBeforeTheReviewsStartAgain() {
    assertThat(problems(REVISE_PLAN, "plan", "fiscal_year: [2026")).containsExactly("plan:plan.syntax");
  }

  @Test
  void theCouncilsDecisionNeedsItsDateAndAYesOrNo() {
    assertThat(check(RECORD_COUNCIL_DECISION, "councilDate", "2026-05-20", "approved", "true"))
        .containsEntry("councilDate", "2026-05-20").containsEntry("approved", true);
    assertThat(problems(RECORD_COUNCIL_DECISION, "approved", "maybe"))
        .containsExactlyInAnyOrder("councilDate:input.required", "approved:input.boolean");
  }
}
