package jp.muniflow.subsidy.internal;

import static jp.muniflow.processes.subsidy.SubsidyVariables.ACTUAL_COST;
import static jp.muniflow.processes.subsidy.SubsidyVariables.CONFIRMED_AMOUNT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.CORRECTION_DEADLINE;
import static jp.muniflow.processes.subsidy.SubsidyVariables.DECISION;
import static jp.muniflow.processes.subsidy.SubsidyVariables.DESCRIPTION;
import static jp.muniflow.processes.subsidy.SubsidyVariables.GRANTED_AMOUNT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.PLANNED_END;
import static jp.muniflow.processes.subsidy.SubsidyVariables.PLANNED_START;
import static jp.muniflow.processes.subsidy.SubsidyVariables.REPORT_CORRECTION_DEADLINE;
import static jp.muniflow.processes.subsidy.SubsidyVariables.REQUESTED_AMOUNT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.TITLE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.processes.subsidy.SubsidyApplications;
import jp.muniflow.processes.subsidy.SubsidyChange;
import jp.muniflow.subsidy.ApplicationConfirmed;
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

  static final int CORRECTION_DAYS = 30;

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
  public Map<String, Object> apply(String applicationId, SubsidyChange change, Map<String, Object> variables) {
    if (change == SubsidyChange.REMINDED || change == SubsidyChange.DEADLINE_NEAR) {
      // nothing of the application changes: its staff are told, in the timer step's transaction
      SubsidyApplication a = store.find(applicationId).orElseThrow(() -> new IllegalStateException("no application " + applicationId));
      Object deadline = variables.get(CORRECTION_DEADLINE);
      events.publishEvent(new CorrectionDue(a.id(), a.tenantId(), a.title(), deadline == null ? null : deadline.toString(),
          change == SubsidyChange.REMINDED ? CorrectionDue.Kind.REMINDER : CorrectionDue.Kind.DEADLINE_NEAR));
      return Map.of();
    }
    Locked locked = lock(applicationId);
    SubsidyApplication a = locked.application();
    switch (change) {
      case CORRECTION_REQUESTED -> {
        store.update(withStatus(a, ApplicationStatus.CORRECTION_REQUESTED));
        LocalDate deadline = JapanTime.today(clock).plusDays(CORRECTION_DAYS);
        return Map.of(CORRECTION_DEADLINE, deadline.toString());
      }
      case CORRECTED -> {
        long requested = amount(variables, REQUESTED_AMOUNT, a.requestedAmount());
        long delta = requested - a.reservedAmount();
        if (delta > locked.budget().remaining()) {
          throw BusinessRuleException.unprocessable("subsidy.cap-exceeded", Yen.format(requested),
              Yen.format(locked.budget().remaining() + a.reservedAmount()), String.valueOf(a.fiscalYear()), Yen.format(locked.budget().cap()))
              .with("remainingAmount", locked.budget().remaining() + a.reservedAmount());
        }
        budgets.reserve(locked.budget(), delta, false);
        store.update(new SubsidyApplication(a.id(), a.tenantId(), a.fiscalYear(), text(variables, TITLE, a.title()),
            text(variables, DESCRIPTION, a.description()), requested, date(variables, PLANNED_START, a.plannedStart()),
            date(variables, PLANNED_END, a.plannedEnd()), ApplicationStatus.IN_REVIEW, requested, a.grantedAmount(),
            a.actualCost(), a.confirmedAmount(), a.reviewingSecretariat(), a.decidingSecretariat(), a.processInstanceId(),
            a.submittedBy(), a.submittedAt(), Instant.now(clock)));
      }
      case DECIDED -> {
        if ("grant".equals(variables.get(DECISION))) {
          long granted = amount(variables, GRANTED_AMOUNT, a.requestedAmount());
          moveReservation(locked, granted);
          store.update(copy(a, ApplicationStatus.GRANTED, granted, granted, null, null, a.reviewingSecretariat(),
              a.decidingSecretariat()));
        } else {
          release(locked, ApplicationStatus.REJECTED);
        }
      }
      case WITHDRAWN -> release(locked, ApplicationStatus.WITHDRAWN);
      case LAPSED -> {
        release(locked, ApplicationStatus.LAPSED);
        events.publishEvent(new ApplicationLapsed(a.id(), a.tenantId(), a.title(), a.reviewingSecretariat()));
      }
      case REPORTED -> store.update(copy(a, ApplicationStatus.REPORTED, a.reservedAmount(), a.grantedAmount(),
          amount(variables, ACTUAL_COST, 0L), null, a.reviewingSecretariat(), a.decidingSecretariat()));
      case REPORT_RETURNED -> {
        store.update(withStatus(a, ApplicationStatus.GRANTED));
        // the review's rules set the deadline; an instance of the first model (versionTag 1), which had no deadline,
        // is repaired by starting it here again (docs/processes.md) and gets the default from today
        Object deadline = variables.get(REPORT_CORRECTION_DEADLINE);
        return Map.of(REPORT_CORRECTION_DEADLINE, deadline instanceof String s && !s.isBlank() ? s
            : ReportCorrections.defaultDeadline(JapanTime.today(clock)).toString());
      }
      case CONFIRMED -> {
        long confirmed = Math.min(a.grantedAmount(), a.actualCost());
        moveReservation(locked, confirmed);
        store.update(copy(a, ApplicationStatus.CONFIRMED, confirmed, a.grantedAmount(), a.actualCost(), confirmed,
            a.reviewingSecretariat(), a.decidingSecretariat()));
        events.publishEvent(new ApplicationConfirmed(a.id(), a.tenantId(), a.fiscalYear(), a.title(),
            a.grantedAmount(), confirmed, a.decidingSecretariat()));
        return Map.of(CONFIRMED_AMOUNT, confirmed);
      }
      default -> throw new IllegalArgumentException("unknown change " + change);
    }
    return Map.of();
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

  private static long amount(Map<String, Object> variables, String name, long fallback) {
    Object v = variables.get(name);
    return v instanceof Number n ? n.longValue() : fallback;
  }

  private static String text(Map<String, Object> variables, String name, String fallback) {
    Object v = variables.get(name);
    return v instanceof String s && !s.isBlank() ? s : fallback;
  }

  private static LocalDate date(Map<String, Object> variables, String name, LocalDate fallback) {
    Object v = variables.get(name);
    return v instanceof String s && !s.isBlank() ? LocalDate.parse(s) : fallback;
  }

  private record Locked(SubsidyApplication application, Budgets.Budget budget) {
  }
}
