package jp.muniflow.plan;

/** Where a plan stands in {@code programPlanApproval}. */
public enum PlanStatus {
  /** The five secretariats are reviewing it. */
  IN_REVIEW,
  /** At least one secretariat asked for changes; the coordinator revises it. */
  REVISION_REQUESTED,
  /** All five approved; the council's decision is awaited. */
  COUNCIL_PENDING,
  /** The council approved it: the fiscal year's subsidy is open. */
  APPROVED,
  /** The council did not approve it; a new plan may be submitted for the year. */
  NOT_APPROVED
}
