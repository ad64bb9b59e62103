package jp.muniflow.processes.subsidy;

import static jp.muniflow.processes.subsidy.SubsidyVariables.ACTUAL_COST;
import static jp.muniflow.processes.subsidy.SubsidyVariables.COMMENT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.DECISION;
import static jp.muniflow.processes.subsidy.SubsidyVariables.DESCRIPTION;
import static jp.muniflow.processes.subsidy.SubsidyVariables.GRANTED_AMOUNT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.GRANT_CONDITIONS;
import static jp.muniflow.processes.subsidy.SubsidyVariables.PLANNED_END;
import static jp.muniflow.processes.subsidy.SubsidyVariables.PLANNED_START;
import static jp.muniflow.processes.subsidy.SubsidyVariables.REJECTION_REASONS;
import static jp.muniflow.processes.subsidy.SubsidyVariables.REPORT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.REPORT_CORRECTION_DEADLINE;
import static jp.muniflow.processes.subsidy.SubsidyVariables.REQUESTED_AMOUNT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.TITLE;

import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contract of {@code subsidyReview}: its user tasks, the decisions each may take, the outcome variables each
 * stores and the periods of its timers, written once. The BPMN, the forms, the task rules and the message keys all
 * name these values; {@code ProcessContractDriftTest} reads the model files and both message bundles and fails on a
 * literal that is not here, or on a value here that the model no longer has. The variable names are
 * {@link SubsidyVariables}, the steps that change the application {@link SubsidyChange}.
 */
public final class SubsidyContract {

  // the user tasks (task definition keys; each task's form has the same id)
  public static final String REVIEW_APPLICATION = "reviewApplication";
  public static final String CORRECT_APPLICATION = "correctApplication";
  public static final String DECIDE_GRANT = "decideGrant";
  public static final String SUBMIT_PERFORMANCE_REPORT = "submitPerformanceReport";
  public static final String REVIEW_PERFORMANCE_REPORT = "reviewPerformanceReport";

  // the decisions (values of the variable decision)
  public static final String FORWARD = "forward";
  public static final String REQUEST_CORRECTION = "requestCorrection";
  public static final String GRANT = "grant";
  public static final String REJECT = "reject";
  public static final String RETURN_TO_REVIEW = "returnToReview";
  public static final String CONFIRM = "confirm";

  /** The applicant's time to answer a correction request; the model's lapse timer ({@code P30D}). */
  public static final int CORRECTION_DAYS = 30;
  public static final Period CORRECTION_PERIOD = Period.ofDays(CORRECTION_DAYS);
  /** When the unanswered correction's reminder goes out. */
  public static final Period REMINDER_AFTER = Period.ofDays(7);
  /** Three days before the correction's deadline: the applicant's staff are told. */
  public static final Period DEADLINE_NEAR_AFTER = Period.ofDays(CORRECTION_DAYS - 3);
  /** A performance report sent back without a deadline of the reviewer's is due this many days from the return. */
  public static final int REPORT_CORRECTION_DAYS = 14;
  /** The latest deadline a reviewer may set for a report's correction, in days from today. */
  public static final int REPORT_CORRECTION_MAX_DAYS = 90;

  /** The periods of the model's timers, each used by exactly one timer. */
  public static final Set<Period> TIMERS = Set.of(CORRECTION_PERIOD, REMINDER_AFTER, DEADLINE_NEAR_AFTER);

  /** For each user task, the outcome variables it stores (what its form asks for). */
  public static final Map<String, Set<String>> OUTCOMES = Map.of(
      REVIEW_APPLICATION, Set.of(DECISION, COMMENT),
      CORRECT_APPLICATION, Set.of(TITLE, DESCRIPTION, REQUESTED_AMOUNT, PLANNED_START, PLANNED_END, COMMENT),
      DECIDE_GRANT, Set.of(DECISION, GRANTED_AMOUNT, GRANT_CONDITIONS, REJECTION_REASONS, COMMENT),
      SUBMIT_PERFORMANCE_REPORT, Set.of(ACTUAL_COST, REPORT),
      REVIEW_PERFORMANCE_REPORT, Set.of(DECISION, COMMENT, REPORT_CORRECTION_DEADLINE));

  /** For each user task that decides, the values its {@code decision} may take, in the order its form offers them. */
  public static final Map<String, List<String>> DECISIONS = Map.of(
      REVIEW_APPLICATION, List.of(FORWARD, REQUEST_CORRECTION),
      DECIDE_GRANT, List.of(GRANT, REJECT, RETURN_TO_REVIEW),
      REVIEW_PERFORMANCE_REPORT, List.of(CONFIRM, REQUEST_CORRECTION));

  private SubsidyContract() {
  }
}
