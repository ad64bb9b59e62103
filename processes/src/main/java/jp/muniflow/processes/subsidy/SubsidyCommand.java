package jp.muniflow.processes.subsidy;

import java.time.LocalDate;

/**
 * What one step of {@code subsidyReview} asks of its application, with exactly the values that step needs, typed.
 * {@link UpdateSubsidyApplicationDelegate} builds one from the step's {@link SubsidyChange} and the process's variables;
 * the engine's {@link SubsidyApplications} applies it. A value a step may leave out is {@code null}: the application
 * keeps what it has.
 */
public sealed interface SubsidyCommand {

  /** The change of the model this command comes from. */
  SubsidyChange change();

  /** A reviewer asked for a correction; the applicant has {@value SubsidyContract#CORRECTION_DAYS} days. */
  record RequestCorrection() implements SubsidyCommand {
    @Override
    public SubsidyChange change() {
      return SubsidyChange.CORRECTION_REQUESTED;
    }
  }

  /** The applicant's correction: each value {@code null} where the application stays as it is. */
  record ApplyCorrection(String title, String description, Long requestedAmount, LocalDate plannedStart,
      LocalDate plannedEnd) implements SubsidyCommand {
    @Override
    public SubsidyChange change() {
      return SubsidyChange.CORRECTED;
    }
  }

  /**
   * The managers' decision.
   *
   * @param decision {@link SubsidyContract#GRANT} or {@link SubsidyContract#REJECT}
   * @param grantedAmount the grant; {@code null} grants the requested amount
   */
  record RecordDecision(String decision, Long grantedAmount) implements SubsidyCommand {
    @Override
    public SubsidyChange change() {
      return SubsidyChange.DECIDED;
    }

    public boolean granted() {
      return SubsidyContract.GRANT.equals(decision);
    }
  }

  /**
   * An unanswered correction's timer: the reminder, or three days before the deadline. Nothing of the application
   * changes; its staff are told.
   *
   * @param correctionDeadline the deadline as the process holds it (ISO date), or {@code null}
   */
  record TellCorrectionDue(SubsidyChange change, String correctionDeadline) implements SubsidyCommand {
    public TellCorrectionDue {
      if (change != SubsidyChange.REMINDED && change != SubsidyChange.DEADLINE_NEAR) {
        throw new IllegalArgumentException("not a correction's timer: " + change);
      }
    }
  }

  /** The applicant withdrew before the decision. */
  record Withdraw() implements SubsidyCommand {
    @Override
    public SubsidyChange change() {
      return SubsidyChange.WITHDRAWN;
    }
  }

  /** The correction was not answered in time. */
  record Lapse() implements SubsidyCommand {
    @Override
    public SubsidyChange change() {
      return SubsidyChange.LAPSED;
    }
  }

  /** The performance report, with its actual cost ({@code null} counts as 0). */
  record RecordReport(Long actualCost) implements SubsidyCommand {
    @Override
    public SubsidyChange change() {
      return SubsidyChange.REPORTED;
    }
  }

  /**
   * The report sent back for correction.
   *
   * @param reportCorrectionDeadline the reviewer's deadline (ISO date), or {@code null} for the default
   */
  record ReturnReport(String reportCorrectionDeadline) implements SubsidyCommand {
    @Override
    public SubsidyChange change() {
      return SubsidyChange.REPORT_RETURNED;
    }
  }

  /** The report confirmed: the confirmed amount is min(granted, actual). */
  record Confirm() implements SubsidyCommand {
    @Override
    public SubsidyChange change() {
      return SubsidyChange.CONFIRMED;
    }
  }
}
