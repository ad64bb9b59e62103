package jp.muniflow.subsidy.internal;

import static jp.muniflow.processes.subsidy.SubsidyVariables.CONFIRMED_AMOUNT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.CORRECTION_DEADLINE;
import static jp.muniflow.processes.subsidy.SubsidyVariables.REPORT_CORRECTION_DEADLINE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.processes.subsidy.SubsidyApplications;
import jp.muniflow.processes.subsidy.SubsidyChange;
import jp.muniflow.processes.subsidy.SubsidyCommand.ApplyCorrection;
import jp.muniflow.processes.subsidy.SubsidyCommand.Confirm;
import jp.muniflow.processes.subsidy.SubsidyCommand.Lapse;
import jp.muniflow.processes.subsidy.SubsidyCommand.RecordDecision;
import jp.muniflow.processes.subsidy.SubsidyCommand.RecordReport;
import jp.muniflow.processes.subsidy.SubsidyCommand.RequestCorrection;
import jp.muniflow.processes.subsidy.SubsidyCommand.ReturnReport;
import jp.muniflow.processes.subsidy.SubsidyCommand.TellCorrectionDue;
import jp.muniflow.processes.subsidy.SubsidyCommand.Withdraw;
import jp.muniflow.processes.subsidy.SubsidyCommand;
import jp.muniflow.processes.subsidy.SubsidyContract;
import jp.muniflow.subsidy.ApplicationLapsed;
import jp.muniflow.subsidy.ApplicationStatus;
import jp.muniflow.subsidy.CorrectionDue;
import jp.muniflow.subsidy.SubsidyApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The engine's side of the {@link SubsidyApplications} port: each step of {@code subsidyReview} that changes the
 * application changes the row and, where money moves, the municipality's budget. The reservation of an application is
 * what it holds of the cap: the request while open, the grant once granted, the confirmed amount at the end, nothing
 * once rejected, withdrawn or lapsed.
 *
 * <p>Locks the budget row before the application row, in every path, so that two changes never wait for each other.
 */
@Component
class ApplicationChanges implements SubsidyApplications {

  private final ApplicationStore store;
  private final Budgets budgets;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  ApplicationChanges(ApplicationStore store, Budgets budgets, Clock clock, ApplicationEventPublisher events) {
    this.store = store;
    this.budgets = budgets;
    this.clock = clock;
    this.events = events;
  }

  @Override
  public void recordRouting(String applicationId, String reviewingSecretariat, String decidingSecretariat) {
    SubsidyApplication a = lock(applicationId).application();
    store.update(copy(a, a.status() == ApplicationStatus.SUBMITTED ? ApplicationStatus.IN_REVIEW : a.status(),
        a.reservedAmount(), a.grantedAmount(), a.actualCost(), a.confirmedAmount(), reviewingSecretariat, decidingSecretariat));
  }

  @Override
  public Map<String, Object> apply(String applicationId, SubsidyCommand command) {
    if (command instanceof TellCorrectionDue due) {
      // nothing of the application changes: its staff are told, in the timer step's transaction
      SubsidyApplication a = store.find(applicationId).orElseThrow(() -> new IllegalStateException("no application " + applicationId));
      events.publishEvent(new CorrectionDue(a.id(), a.tenantId(), a.title(), due.correctionDeadline(),
          due.change() == SubsidyChange.REMINDED ? CorrectionDue.Kind.REMINDER : CorrectionDue.Kind.DEADLINE_NEAR));
      return Map.of();
    }
    Locked locked = lock(applicationId);
    SubsidyApplication a = locked.application();
    if (command instanceof RequestCorrection) {
      store.update(withStatus(a, ApplicationStatus.CORRECTION_REQUESTED));
      LocalDate deadline = JapanTime.today(clock).plus(SubsidyContract.CORRECTION_PERIOD);
      return Map.of(CORRECTION_DEADLINE, deadline.toString());
    } else if (command instanceof ApplyCorrection c) {
      correct(locked, c);
    } else if (command instanceof RecordDecision d) {
      if (d.granted()) {
        long granted = d.grantedAmount() != null ? d.grantedAmount() : a.requestedAmount();
        moveReservation(locked, granted);
        store.update(copy(a, ApplicationStatus.GRANTED, granted, granted, null, null, a.reviewingSecretariat(),
            a.decidingSecretariat()));
      } else {
        release(locked, ApplicationStatus.REJECTED);
      }
    } else if (command instanceof Withdraw) {
      release(locked, ApplicationStatus.WITHDRAWN);
    } else if (command instanceof Lapse) {
      release(locked, ApplicationStatus.LAPSED);
      events.publishEvent(new ApplicationLapsed(a.id(), a.tenantId(), a.title(), a.reviewingSecretariat()));
    } else if (command instanceof RecordReport r) {
      store.update(copy(a, ApplicationStatus.REPORTED, a.reservedAmount(), a.grantedAmount(),
          r.actualCost() != null ? r.actualCost() : 0L, null, a.reviewingSecretariat(), a.decidingSecretariat()));
    } else if (command instanceof ReturnReport r) {
      store.update(withStatus(a, ApplicationStatus.GRANTED));
      // the review's rules set the deadline; an instance of the first model (versionTag 1), which had no deadline,
      // is repaired by starting it here again (docs/processes.md) and gets the default from today
      return Map.of(REPORT_CORRECTION_DEADLINE, r.reportCorrectionDeadline() != null ? r.reportCorrectionDeadline()
          : ReportCorrections.defaultDeadline(JapanTime.today(clock)).toString());
    } else if (command instanceof Confirm) {
      long confirmed = Math.min(a.grantedAmount(), a.actualCost());
      moveReservation(locked, confirmed);
      store.update(copy(a, ApplicationStatus.CONFIRMED, confirmed, a.grantedAmount(), a.actualCost(), confirmed,
          a.reviewingSecretariat(), a.decidingSecretariat()));
      return Map.of(CONFIRMED_AMOUNT, confirmed);
    } else {
      throw new IllegalArgumentException("unknown command " + command);
    }
    return Map.of();
  }

  /** A corrected amount is checked against what is left of the cap, with the application's own reservation back. */
  private void correct(Locked locked, ApplyCorrection c) {
    SubsidyApplication a = locked.application();
    long requested = c.requestedAmount() != null ? c.requestedAmount() : a.requestedAmount();
    long delta = requested - a.reservedAmount();
    if (delta > locked.budget().remaining()) {
      throw BusinessRuleException.unprocessable("subsidy.cap-exceeded", Yen.format(requested),
          Yen.format(locked.budget().remaining() + a.reservedAmount()), String.valueOf(a.fiscalYear()), Yen.format(locked.budget().cap()))
          .with("remainingAmount", locked.budget().remaining() + a.reservedAmount());
    }
    budgets.reserve(locked.budget(), delta, false);
    store.update(new SubsidyApplication(a.id(), a.tenantId(), a.fiscalYear(), orElse(c.title(), a.title()),
        orElse(c.description(), a.description()), requested, orElse(c.plannedStart(), a.plannedStart()),
        orElse(c.plannedEnd(), a.plannedEnd()), ApplicationStatus.IN_REVIEW, requested, a.grantedAmount(),
        a.actualCost(), a.confirmedAmount(), a.reviewingSecretariat(), a.decidingSecretariat(), a.processInstanceId(),
        a.submittedBy(), a.submittedAt(), Instant.now(clock)));
  }

  private void release(Locked locked, ApplicationStatus status) {
    SubsidyApplication a = locked.application();
    moveReservation(locked, 0L);
    store.update(copy(a, status, 0L, a.grantedAmount(), a.actualCost(), a.confirmedAmount(), a.reviewingSecretariat(),
        a.decidingSecretariat()));
  }

  private void moveReservation(Locked locked, long newReservation) {
    budgets.reserve(locked.budget(), newReservation - locked.application().reservedAmount(), false);
  }

  private Locked lock(String applicationId) {
    SubsidyApplication unlocked = store.find(applicationId)
        .orElseThrow(() -> new IllegalStateException("no application " + applicationId));
    Budgets.Budget budget = budgets.lock(unlocked.tenantId(), unlocked.fiscalYear())
        .orElseThrow(() -> new IllegalStateException("no budget for " + applicationId));
    SubsidyApplication a = store.lock(applicationId).orElseThrow();
    return new Locked(a, budget);
  }

  private SubsidyApplication withStatus(SubsidyApplication a, ApplicationStatus status) {
    return copy(a, status, a.reservedAmount(), a.grantedAmount(), a.actualCost(), a.confirmedAmount(),
        a.reviewingSecretariat(), a.decidingSecretariat());
  }

  private SubsidyApplication copy(SubsidyApplication a, ApplicationStatus status, long reserved, Long granted, Long actual,
      Long confirmed, String reviewing, String deciding) {
    return new SubsidyApplication(a.id(), a.tenantId(), a.fiscalYear(), a.title(), a.description(), a.requestedAmount(),
        a.plannedStart(), a.plannedEnd(), status, reserved, granted, actual, confirmed, reviewing, deciding,
        a.processInstanceId(), a.submittedBy(), a.submittedAt(), Instant.now(clock));
  }

  private static <T> T orElse(T value, T fallback) {
    return value != null ? value : fallback;
  }

  private record Locked(SubsidyApplication application, Budgets.Budget budget) {
  }
}
