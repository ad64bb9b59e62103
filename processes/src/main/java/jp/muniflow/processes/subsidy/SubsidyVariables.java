package jp.muniflow.processes.subsidy;

import java.util.Set;
import jp.muniflow.processes.ModelVariants;

/** The names of the process variables of {@code subsidyReview}, in one place. */
public final class SubsidyVariables {

  public static final String PROCESS_KEY = "subsidyReview";
  public static final String ROUTING_DECISION_KEY = "subsidyRouting";
  public static final String WITHDRAW_MESSAGE = "withdrawApplication";

  public static final String APPLICATION_ID = "applicationId";
  public static final String TENANT_ID = ModelVariants.TENANT_VARIABLE;
  public static final String MUNICIPALITY_KIND = "municipalityKind";
  public static final String STAFF_GROUP = "staffGroup";
  public static final String FISCAL_YEAR = "fiscalYear";
  public static final String TITLE = "title";
  public static final String DESCRIPTION = "description";
  public static final String REQUESTED_AMOUNT = "requestedAmount";
  public static final String PLANNED_START = "plannedStart";
  public static final String PLANNED_END = "plannedEnd";

  public static final String REVIEWING_SECRETARIAT = "reviewingSecretariat";
  public static final String DECIDING_SECRETARIAT = "decidingSecretariat";
  public static final String REVIEWERS_GROUP = "reviewersGroup";
  public static final String MANAGERS_GROUP = "managersGroup";

  public static final String DECISION = "decision";
  /** A task's internal comment: kept in the history, never printed on a notice. */
  public static final String COMMENT = "comment";
  /** The conditions a manager adds to a grant, one a line, printed after the plan's standard conditions. */
  public static final String GRANT_CONDITIONS = "grantConditions";
  /** The reasons of a rejection, printed on the 不交付決定通知書. */
  public static final String REJECTION_REASONS = "rejectionReasons";
  public static final String GRANTED_AMOUNT = "grantedAmount";
  public static final String ACTUAL_COST = "actualCost";
  public static final String REPORT = "report";
  public static final String CONFIRMED_AMOUNT = "confirmedAmount";
  public static final String CORRECTION_DEADLINE = "correctionDeadline";
  /** The deadline of a performance report sent back for correction: the reviewer's, or 14 days from the return. */
  public static final String REPORT_CORRECTION_DEADLINE = "reportCorrectionDeadline";

  /**
   * Every variable the process keeps: the application's facts, its routing, the tasks' outcomes, the deadlines. MuniFlow
   * refuses writes to them through Camunda's REST API and webapps, except a task's own outcome when it completes.
   */
  public static final Set<String> ALL = Set.of(APPLICATION_ID, TENANT_ID, MUNICIPALITY_KIND, STAFF_GROUP, FISCAL_YEAR,
      TITLE, DESCRIPTION, REQUESTED_AMOUNT, PLANNED_START, PLANNED_END, REVIEWING_SECRETARIAT, DECIDING_SECRETARIAT,
      REVIEWERS_GROUP, MANAGERS_GROUP, DECISION, COMMENT, GRANT_CONDITIONS, REJECTION_REASONS, GRANTED_AMOUNT,
      ACTUAL_COST, REPORT, CONFIRMED_AMOUNT, CORRECTION_DEADLINE, REPORT_CORRECTION_DEADLINE);

  private SubsidyVariables() {
  }
}
