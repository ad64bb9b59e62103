package jp.muniflow.processes.subsidy;

/**
 * The changes the subsidy process makes to an application, each at one step of {@code subsidyReview}. The model
 * names one as the literal input parameter {@code change} of an {@code updateSubsidyApplicationDelegate} step.
 */
public enum SubsidyChange {
  /** A reviewer asked for a correction; the applicant has 30 days. */
  CORRECTION_REQUESTED,
  /** The applicant corrected the application; a changed amount is checked against the cap again. */
  CORRECTED,
  /** The managers decided: granted (with an amount) or rejected. */
  DECIDED,
  /** Three days before the correction's deadline, the application unanswered: the applicant's staff are told. */
  DEADLINE_NEAR,
  /** Seven days after the correction request, unanswered: the reminder, told to the applicant's staff. */
  REMINDED,
  /** The applicant withdrew before the decision. */
  WITHDRAWN,
  /** The correction was not answered in 30 days. */
  LAPSED,
  /** The applicant filed the performance report with the actual cost. */
  REPORTED,
  /**
   * The reviewers sent the report back for correction; the report's deadline is the reviewer's, or 14 days from today
   * when none is set (the process holds it as {@code reportCorrectionDeadline}).
   */
  REPORT_RETURNED,
  /** The reviewers confirmed the report; the confirmed amount is min(granted, actual). */
  CONFIRMED
}
