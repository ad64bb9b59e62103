package jp.muniflow.subsidy.internal;

import static jp.muniflow.processes.subsidy.SubsidyContract.CORRECT_APPLICATION;
import static jp.muniflow.processes.subsidy.SubsidyContract.DECIDE_GRANT;
import static jp.muniflow.processes.subsidy.SubsidyContract.FORWARD;
import static jp.muniflow.processes.subsidy.SubsidyContract.GRANT;
import static jp.muniflow.processes.subsidy.SubsidyContract.REJECT;
import static jp.muniflow.processes.subsidy.SubsidyContract.REQUEST_CORRECTION;
import static jp.muniflow.processes.subsidy.SubsidyContract.REVIEW_APPLICATION;
import static jp.muniflow.processes.subsidy.SubsidyContract.REVIEW_PERFORMANCE_REPORT;
import static jp.muniflow.processes.subsidy.SubsidyContract.SUBMIT_PERFORMANCE_REPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.InvalidInputException.FieldProblem;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.processes.subsidy.SubsidyContract;
import jp.muniflow.processes.subsidy.SubsidyVariables;
import jp.muniflow.task.TaskCompletionCheck.TaskFacts;
import org.junit.jupiter.api.Test;

/** What each task of the subsidy review accepts as its outcome, checked without Spring or an engine. */
class SubsidyTaskRulesTest {

  /** 2026-06-10 in Japan. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-10T00:00:00Z"), JapanTime.ZONE);

  private final ApplicationStore store = mock(ApplicationStore.class);
  private final SubsidyTaskRules rules = new SubsidyTaskRules(store, CLOCK);

  private Map<String, Object> check(String task, Object... outcome) {
    when(store.find(Applications.ID)).thenReturn(Optional.of(Applications.inReview(500_000)));
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < outcome.length; i += 2) {
      values.put((String) outcome[i], outcome[i + 1]);
    }
    return rules.check(new TaskFacts(SubsidyVariables.PROCESS_KEY, task, "pi-1", Applications.ID, "131016"), values);
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
    SubsidyContract.OUTCOMES.forEach((task, variables) -> {
      assertThat(rules.supports(SubsidyVariables.PROCESS_KEY, task)).as(task).isTrue();
      assertThat(rules.outcomeVariables(task)).as(task).isEqualTo(variables);
    });
    assertThat(rules.supports(SubsidyVariables.PROCESS_KEY, "Activity_route")).isFalse();
    assertThat(rules.supports("programPlanApproval", REVIEW_APPLICATION)).isFalse();
  }

  @Test
  void aReviewForwardsWithoutAComment() {
    assertThat(check(REVIEW_APPLICATION, "decision", FORWARD))
        .containsExactly(Map.entry("decision", FORWARD), Map.entry("comment", ""));
  }

  @Test
  void aCorrectionRequestNeedsItsReason() {
    assertThat(problems(REVIEW_APPLICATION, "decision", REQUEST_CORRECTION)).containsExactly("comment:input.required");
  }

  @Test
  void aDecisionOfAnotherTaskIsRefused() {
    assertThat(problems(REVIEW_APPLICATION, "decision", GRANT)).extracting(p -> p.split(":")[0]).containsExactly("decision");
  }

  @Test
  void aVariableTheTaskDoesNotTakeIsRefused() {
    assertThat(problems(REVIEW_APPLICATION, "decision", FORWARD, "grantedAmount", 1_000_000))
        .containsExactly("grantedAmount:task.unknown-variable");
  }

  @Test
  void aGrantAboveTheRequestIsRefused() {
    assertThat(problems(DECIDE_GRANT, "decision", GRANT, "grantedAmount", 500_001))
        .containsExactly("grantedAmount:input.amount.above-requested");
    assertThat(check(DECIDE_GRANT, "decision", GRANT, "grantedAmount", "500000"))
        .containsEntry("grantedAmount", 500_000L).containsEntry("grantConditions", "");
  }

  @Test
  void aRejectionNeedsItsReasons() {
    assertThat(problems(DECIDE_GRANT, "decision", REJECT)).containsExactly("rejectionReasons:input.required");
    assertThat(check(DECIDE_GRANT, "decision", REJECT, "rejectionReasons", "対象外の経費です"))
        .containsEntry("rejectionReasons", "対象外の経費です").doesNotContainKey("grantedAmount");
  }

  @Test
  void aCorrectionKeepsWhatItLeavesOutAsTheRecordHasIt() {
    Map<String, Object> clean = check(CORRECT_APPLICATION, "requestedAmount", 450_000, "comment", "減額しました");
    assertThat(clean).containsEntry("title", "緑のカーテン").containsEntry("requestedAmount", 450_000L)
        .containsEntry("plannedStart", "2026-07-01").containsEntry("plannedEnd", "2026-09-30");
  }

  @Test
  void aCorrectionsPeriodMayNotEndBeforeItStarts() {
    assertThat(problems(CORRECT_APPLICATION, "plannedStart", "2026-10-01")).isNotEmpty();
  }

  @Test
  void aReportSentBackWithoutADeadlineIsDueInFourteenDaysAndAtMostNinetyAhead() {
    assertThat(check(REVIEW_PERFORMANCE_REPORT, "decision", REQUEST_CORRECTION, "comment", "領収書がありません"))
        .containsEntry("reportCorrectionDeadline", "2026-06-24");
    assertThat(check(REVIEW_PERFORMANCE_REPORT, "decision", REQUEST_CORRECTION, "comment", "領収書がありません",
        "reportCorrectionDeadline", "2026-09-08")).containsEntry("reportCorrectionDeadline", "2026-09-08");
    assertThat(problems(REVIEW_PERFORMANCE_REPORT, "decision", REQUEST_CORRECTION, "comment", "領収書がありません",
        "reportCorrectionDeadline", "2026-09-09")).containsExactly("reportCorrectionDeadline:input.deadline.range");
    assertThat(problems(REVIEW_PERFORMANCE_REPORT, "decision", REQUEST_CORRECTION, "comment", "領収書がありません",
        "reportCorrectionDeadline", "2026-06-10")).containsExactly("reportCorrectionDeadline:input.deadline.range");
  }

  @Test
  void aReportNeedsItsActualCostAndText() {
    assertThat(problems(SUBMIT_PERFORMANCE_REPORT)).containsExactlyInAnyOrder("actualCost:input.required",
        "report:input.required");
  }

  @Test
  void fieldProblemsNameTheFieldTheFormShows() {
    assertThatThrownBy(() -> check(DECIDE_GRANT, "decision", "maybe"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("decision"));
  }
}
