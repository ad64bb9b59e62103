package jp.muniflow.processes.plan;

/** The changes {@code programPlanApproval} makes to a plan, named by the literal input {@code change} of a step. */
public enum PlanChange {
  /** One secretariat's managers reviewed the plan (a step inside the multi-instance review). */
  REVIEW_RECORDED,
  /** All five reviews are in: sets {@code allApproved}. */
  REVIEWS_EVALUATED,
  /** The coordinator revised the plan after requests for changes; the reviews start again. */
  REVISED,
  /** The council's decision is recorded; an approved plan opens the subsidy of its fiscal year. */
  COUNCIL_RECORDED
}
