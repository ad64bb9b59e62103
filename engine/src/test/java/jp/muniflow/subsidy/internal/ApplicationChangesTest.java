package jp.muniflow.subsidy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.processes.subsidy.SubsidyChange;
import jp.muniflow.processes.subsidy.SubsidyCommand;
import jp.muniflow.processes.subsidy.SubsidyContract;
import jp.muniflow.processes.subsidy.SubsidyVariables;
import jp.muniflow.subsidy.ApplicationLapsed;
import jp.muniflow.subsidy.ApplicationStatus;
import jp.muniflow.subsidy.CorrectionDue;
import jp.muniflow.subsidy.SubsidyApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The application's side of each step, without Spring or a database: the status, what the application holds of its
 * municipality's cap, and the variables handed back to the process. The store and the budget rows are stand-ins that
 * record what would be written.
 */
class ApplicationChangesTest {

  /** 2026-06-10 09:00 in Japan. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-10T00:00:00Z"), JapanTime.ZONE);
  private static final long CAP = 1_500_000;

  private final ApplicationStore store = mock(ApplicationStore.class);
  private final Budgets budgets = mock(Budgets.class);
  private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
  private final ApplicationChanges changes = new ApplicationChanges(store, budgets, CLOCK, events);

  @BeforeEach
  void noApplicationYet() {
    when(store.find(any())).thenReturn(Optional.empty());
  }

  private Budgets.Budget given(SubsidyApplication a, long reservedOfAll) {
    Budgets.Budget budget = new Budgets.Budget(a.tenantId(), a.fiscalYear(), CAP, reservedOfAll, 2);
    when(store.find(a.id())).thenReturn(Optional.of(a));
    when(store.lock(a.id())).thenReturn(Optional.of(a));
    when(budgets.lock(a.tenantId(), a.fiscalYear())).thenReturn(Optional.of(budget));
    return budget;
  }

  private SubsidyApplication stored() {
    ArgumentCaptor<SubsidyApplication> written = ArgumentCaptor.forClass(SubsidyApplication.class);
    verify(store).update(written.capture());
    return written.getValue();
  }

  @Test
  void aCorrectionRequestGivesTheApplicantThirtyDaysFromToday() {
    given(Applications.inReview(500_000), 500_000);

    Map<String, Object> result = changes.apply(Applications.ID, new SubsidyCommand.RequestCorrection());

    assertThat(result).containsExactly(Map.entry(SubsidyVariables.CORRECTION_DEADLINE, "2026-07-10"));
    assertThat(LocalDate.parse("2026-06-10").plus(SubsidyContract.CORRECTION_PERIOD)).isEqualTo("2026-07-10");
    assertThat(stored().status()).isEqualTo(ApplicationStatus.CORRECTION_REQUESTED);
  }

  @Test
  void aCorrectedAmountWithinWhatIsLeftOfTheCapMovesTheReservationAndKeepsWhatWasLeftOut() {
    Budgets.Budget budget = given(Applications.inReview(500_000), 1_200_000);

    changes.apply(Applications.ID, new SubsidyCommand.ApplyCorrection("屋上緑化", null, 800_000L, null, null));

    verify(budgets).reserve(budget, 300_000, false);
    SubsidyApplication a = stored();
    assertThat(a.title()).isEqualTo("屋上緑化");
    assertThat(a.description()).isEqualTo("区立小学校に緑のカーテンを設置する");
    assertThat(a.requestedAmount()).isEqualTo(800_000);
    assertThat(a.reservedAmount()).isEqualTo(800_000);
    assertThat(a.plannedEnd()).isEqualTo("2026-09-30");
    assertThat(a.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
  }

  @Test
  void aCorrectedAmountAboveWhatIsLeftOfTheCapIsRefusedAndReservesNothing() {
    // 1,200,000 of 1,500,000 reserved, 500,000 of it by this application: 800,000 is the most it may ask now
    given(Applications.inReview(500_000), 1_200_000);

    assertThatThrownBy(() -> changes.apply(Applications.ID,
        new SubsidyCommand.ApplyCorrection(null, null, 800_001L, null, null)))
        .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
          assertThat(e.messageKey()).isEqualTo("subsidy.cap-exceeded");
          assertThat(e.properties()).containsEntry("remainingAmount", 800_000L);
        });
    verify(budgets, never()).reserve(any(), anyLong(), anyBoolean());
    verify(store, never()).update(any());
  }

  @Test
  void aGrantWithoutAnAmountGrantsTheRequestAndHoldsExactlyTheGrant() {
    Budgets.Budget budget = given(Applications.inReview(500_000), 500_000);

    changes.apply(Applications.ID, new SubsidyCommand.RecordDecision(SubsidyContract.GRANT, null));

    verify(budgets).reserve(budget, 0, false);
    SubsidyApplication a = stored();
    assertThat(a.status()).isEqualTo(ApplicationStatus.GRANTED);
    assertThat(a.grantedAmount()).isEqualTo(500_000);
  }

  @Test
  void aSmallerGrantGivesTheRestBackToTheCap() {
    Budgets.Budget budget = given(Applications.inReview(500_000), 500_000);

    changes.apply(Applications.ID, new SubsidyCommand.RecordDecision(SubsidyContract.GRANT, 420_000L));

    verify(budgets).reserve(budget, -80_000, false);
    assertThat(stored().reservedAmount()).isEqualTo(420_000);
  }

  @Test
  void aRejectionReleasesTheWholeReservation() {
    Budgets.Budget budget = given(Applications.inReview(500_000), 500_000);

    changes.apply(Applications.ID, new SubsidyCommand.RecordDecision(SubsidyContract.REJECT, null));

    verify(budgets).reserve(budget, -500_000, false);
    assertThat(stored().status()).isEqualTo(ApplicationStatus.REJECTED);
    assertThat(stored().reservedAmount()).isZero();
  }

  @Test
  void aLapseIsToldToTheOthers() {
    given(Applications.inReview(500_000), 500_000);

    changes.apply(Applications.ID, new SubsidyCommand.Lapse());

    assertThat(stored().status()).isEqualTo(ApplicationStatus.LAPSED);
    verify(events).publishEvent(new ApplicationLapsed(Applications.ID, "131016", "緑のカーテン", "kyogikai"));
  }

  @Test
  void theConfirmedAmountIsTheSmallerOfGrantAndActualCost() {
    Budgets.Budget budget = given(Applications.reported(500_000, 450_000, 430_000), 450_000);

    Map<String, Object> result = changes.apply(Applications.ID, new SubsidyCommand.Confirm());

    assertThat(result).containsExactly(Map.entry(SubsidyVariables.CONFIRMED_AMOUNT, 430_000L));
    verify(budgets).reserve(budget, -20_000, false);
    assertThat(stored().confirmedAmount()).isEqualTo(430_000);
    assertThat(stored().status()).isEqualTo(ApplicationStatus.CONFIRMED);
  }

  @Test
  void aReportSentBackWithoutADeadlineIsDueInFourteenDays() {
    given(Applications.reported(500_000, 450_000, 430_000), 450_000);

    assertThat(changes.apply(Applications.ID, new SubsidyCommand.ReturnReport(null)))
        .containsExactly(Map.entry(SubsidyVariables.REPORT_CORRECTION_DEADLINE, "2026-06-24"));
    assertThat(stored().status()).isEqualTo(ApplicationStatus.GRANTED);
  }

  @Test
  void aCorrectionsReminderChangesNothingAndTellsTheStaff() {
    given(Applications.inReview(500_000), 500_000);

    assertThat(changes.apply(Applications.ID, new SubsidyCommand.TellCorrectionDue(SubsidyChange.REMINDED, "2026-07-10")))
        .isEmpty();

    verify(events).publishEvent(new CorrectionDue(Applications.ID, "131016", "緑のカーテン", "2026-07-10",
        CorrectionDue.Kind.REMINDER));
    verify(store, never()).update(any());
    verify(budgets, never()).lock(any(), org.mockito.ArgumentMatchers.anyInt());
  }

  @Test
  void theRemainingBudgetIsTheCapLessWhatIsReserved() {
    assertThat(new Budgets.Budget("131016", 2026, CAP, 1_200_000, 3).remaining()).isEqualTo(300_000);
    assertThat(new Budgets.Budget("131016", 2026, CAP, CAP, 3).remaining()).isZero();
  }
}
