package jp.muniflow.processes.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/**
 * What each step of {@code subsidyReview} sends through the port: the typed values it needs, read from the process's
 * variables as the engine stores them (amounts as Integer or Long, dates as ISO text), nothing else.
 */
class SubsidyCommandsTest {

  private static VariableScope variables(Map<String, Object> values) {
    VariableScope scope = mock(VariableScope.class);
    values.forEach((name, value) -> when(scope.getVariable(name)).thenReturn(value));
    return scope;
  }

  @Test
  void everyChangeOfTheModelHasItsCommand() {
    VariableScope none = variables(Map.of());
    for (SubsidyChange change : SubsidyChange.values()) {
      assertThat(UpdateSubsidyApplicationDelegate.command(change, none).change()).isEqualTo(change);
    }
  }

  @Test
  void aCorrectionCarriesWhatTheApplicantChangedAndNullForWhatStays() {
    SubsidyCommand command = UpdateSubsidyApplicationDelegate.command(SubsidyChange.CORRECTED, variables(Map.of(
        SubsidyVariables.TITLE, " ", SubsidyVariables.REQUESTED_AMOUNT, 1_000_000,
        SubsidyVariables.PLANNED_START, "2026-07-01", SubsidyVariables.COMMENT, "減額しました")));

    assertThat(command).isEqualTo(new SubsidyCommand.ApplyCorrection(null, null, 1_000_000L, LocalDate.of(2026, 7, 1),
        null));
  }

  @Test
  void aDecisionCarriesTheGrantAsWholeYen() {
    assertThat(UpdateSubsidyApplicationDelegate.command(SubsidyChange.DECIDED, variables(Map.of(
        SubsidyVariables.DECISION, SubsidyContract.GRANT, SubsidyVariables.GRANTED_AMOUNT, 900_000))))
        .isEqualTo(new SubsidyCommand.RecordDecision(SubsidyContract.GRANT, 900_000L))
        .matches(c -> ((SubsidyCommand.RecordDecision) c).granted());
    assertThat(UpdateSubsidyApplicationDelegate.command(SubsidyChange.DECIDED, variables(Map.of(
        SubsidyVariables.DECISION, SubsidyContract.REJECT))))
        .isEqualTo(new SubsidyCommand.RecordDecision(SubsidyContract.REJECT, null));
  }

  @Test
  void aTimerOfTheCorrectionCarriesItsDeadlineAndAReturnedReportTheReviewersOrNone() {
    assertThat(UpdateSubsidyApplicationDelegate.command(SubsidyChange.REMINDED, variables(Map.of(
        SubsidyVariables.CORRECTION_DEADLINE, "2026-07-10"))))
        .isEqualTo(new SubsidyCommand.TellCorrectionDue(SubsidyChange.REMINDED, "2026-07-10"));
    assertThat(UpdateSubsidyApplicationDelegate.command(SubsidyChange.REPORT_RETURNED, variables(Map.of(
        SubsidyVariables.REPORT_CORRECTION_DEADLINE, ""))))
        .isEqualTo(new SubsidyCommand.ReturnReport(null));
    assertThat(UpdateSubsidyApplicationDelegate.command(SubsidyChange.REPORTED, variables(Map.of(
        SubsidyVariables.ACTUAL_COST, 870_000L))))
        .isEqualTo(new SubsidyCommand.RecordReport(870_000L));
  }
}
