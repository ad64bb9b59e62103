package jp.muniflow.processes.plan;

/** The names of the process variables of {@code programPlanApproval}. */
public final class PlanVariables {

  public static final String PROCESS_KEY = "programPlanApproval";

  public static final String PLAN_ID = "planId";
  public static final String FISCAL_YEAR = "fiscalYear";
  /** The five secretariats' managers' groups, one review each (a JSON list). */
  public static final String REVIEW_GROUPS = "reviewGroups";
  /** The group of one review, inside the multi-instance. */
  public static final String REVIEW_GROUP = "reviewGroup";
  public static final String COORDINATOR_GROUP = "coordinatorGroup";
  public static final String COORDINATOR_SECRETARIAT = "coordinatorSecretariat";
  /** The 62 municipality codes that receive the decision notice (a JSON list). */
  public static final String MUNICIPALITY_CODES = "municipalityCodes";

  public static final String DECISION = "decision";
  public static final String COMMENT = "comment";
  public static final String ALL_APPROVED = "allApproved";
  /** A revised plan, as YAML or JSON text. */
  public static final String PLAN = "plan";
  public static final String COUNCIL_DATE = "councilDate";
  public static final String APPROVED = "approved";

  private PlanVariables() {
  }
}
