package jp.muniflow.subsidy;

/**
 * An application's correction is still unanswered: seven days after the request (the reminder), or three days before
 * its deadline. Published in the transaction of the timer's step; the applicant's staff are to be told.
 *
 * @param deadline the correction's deadline, {@code yyyy-MM-dd} in Japan
 * @param kind {@link Kind#REMINDER} or {@link Kind#DEADLINE_NEAR}
 */
public record CorrectionDue(String applicationId, String tenantId, String title, String deadline, Kind kind) {

  /** Which moment of the unanswered correction. */
  public enum Kind { REMINDER, DEADLINE_NEAR }
}
