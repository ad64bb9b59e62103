package jp.muniflow.processes.plan;

import static jp.muniflow.processes.plan.PlanVariables.APPROVED;
import static jp.muniflow.processes.plan.PlanVariables.COMMENT;
import static jp.muniflow.processes.plan.PlanVariables.COUNCIL_DATE;
import static jp.muniflow.processes.plan.PlanVariables.DECISION;
import static jp.muniflow.processes.plan.PlanVariables.PLAN;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contract of {@code programPlanApproval}: its user tasks, the decisions of the review and the outcome variables
 * of each task, written once (see {@code SubsidyContract}; the same drift test checks both). The model has no timers.
 */
public final class PlanContract {

  public static final String REVIEW_PLAN = "reviewPlan";
  public static final String REVISE_PLAN = "revisePlan";
  public static final String RECORD_COUNCIL_DECISION = "recordCouncilDecision";

  public static final String APPROVE = "approve";
  public static final String REQUEST_CHANGES = "requestChanges";

  /** For each user task, the outcome variables it stores (what its form asks for). */
  public static final Map<String, Set<String>> OUTCOMES = Map.of(
      REVIEW_PLAN, Set.of(DECISION, COMMENT),
      REVISE_PLAN, Set.of(PLAN, COMMENT),
      RECORD_COUNCIL_DECISION, Set.of(COUNCIL_DATE, APPROVED));

  /** For each user task that decides, the values its {@code decision} may take, in the order its form offers them. */
  public static final Map<String, List<String>> DECISIONS = Map.of(REVIEW_PLAN, List.of(APPROVE, REQUEST_CHANGES));

  private PlanContract() {
  }
}
