package jp.muniflow.processes.plan;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
  /** The municipality of one decision notice, inside the notices' multi-instance (the notice's tenant). */
  public static final String MUNICIPALITY_CODE = "municipalityCode";

  /** The approved plan's values that the council decision copies into the process for the notices. */
  public static final Set<String> NOTICE_VALUES = Set.of("projectName", "sinceFiscalYear", "projectUrl",
      "totalBudgetYen", "areas", "programs");

  /**
   * Every variable the process keeps. MuniFlow refuses writes to them through Camunda's REST API and webapps, except a
   * task's own outcome when it completes.
   */
  public static final Set<String> ALL = Stream.concat(Stream.of(PLAN_ID, FISCAL_YEAR, REVIEW_GROUPS, REVIEW_GROUP,
      COORDINATOR_GROUP, COORDINATOR_SECRETARIAT, MUNICIPALITY_CODES, DECISION, COMMENT, ALL_APPROVED, PLAN, COUNCIL_DATE,
      APPROVED, MUNICIPALITY_CODE), NOTICE_VALUES.stream()).collect(Collectors.toUnmodifiableSet());

  private PlanVariables() {
  }
}
