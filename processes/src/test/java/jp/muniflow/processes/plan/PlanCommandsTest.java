package jp.muniflow.processes.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/** What each step of {@code programPlanApproval} sends through the port: the typed values it needs. */
class PlanCommandsTest {

  private static VariableScope variables(Map<String, Object> values) {
    VariableScope scope = mock(VariableScope.class);
    values.forEach((name, value) -> when(scope.getVariable(name)).thenReturn(value));
    return scope;
  }

  @Test
  void aReviewCarriesItsGroupDecisionAndComment() {
    assertThat(UpdatePlanDelegate.command(PlanChange.REVIEW_RECORDED, variables(Map.of(
        PlanVariables.REVIEW_GROUP, "shichokai-managers", PlanVariables.DECISION, PlanContract.REQUEST_CHANGES,
        PlanVariables.COMMENT, "内訳を示してください"))))
        .isEqualTo(new PlanCommand.RecordReview("shichokai-managers", PlanContract.REQUEST_CHANGES, "内訳を示してください"));
  }

  @Test
  void theCouncilsDecisionCarriesItsDateAndOutcome() {
    assertThat(UpdatePlanDelegate.command(PlanChange.COUNCIL_RECORDED, variables(Map.of(
        PlanVariables.COUNCIL_DATE, "2026-05-20", PlanVariables.APPROVED, true))))
        .isEqualTo(new PlanCommand.RecordCouncilDecision(LocalDate.of(2026, 5, 20), true));
    assertThat(UpdatePlanDelegate.command(PlanChange.COUNCIL_RECORDED, variables(Map.of(
        PlanVariables.COUNCIL_DATE, "2026-05-20"))))
        .isEqualTo(new PlanCommand.RecordCouncilDecision(LocalDate.of(2026, 5, 20), false));
  }

  @Test
  void everyOtherChangeHasItsCommand() {
    VariableScope none = variables(Map.of(PlanVariables.PLAN, "fiscal_year: 2026"));
    assertThat(UpdatePlanDelegate.command(PlanChange.REVIEWS_EVALUATED, none)).isEqualTo(new PlanCommand.EvaluateReviews());
    assertThat(UpdatePlanDelegate.command(PlanChange.REVISED, none)).isEqualTo(new PlanCommand.Revise("fiscal_year: 2026"));
  }
}
