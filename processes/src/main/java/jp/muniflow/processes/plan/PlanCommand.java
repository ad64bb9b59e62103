package jp.muniflow.processes.plan;

import java.time.LocalDate;

/**
 * What one step of {@code programPlanApproval} asks of its plan, with exactly the values that step needs, typed.
 * {@link UpdatePlanDelegate} builds one from the step's {@link PlanChange} and the variables as its execution sees
 * them; the engine's {@link ProgramPlans} applies it.
 */
public sealed interface PlanCommand {

  /** The change of the model this command comes from. */
  PlanChange change();

  /** One secretariat's review, inside the multi-instance: its managers' group, their decision and comment. */
  record RecordReview(String reviewGroup, String decision, String comment) implements PlanCommand {
    @Override
    public PlanChange change() {
      return PlanChange.REVIEW_RECORDED;
    }
  }

  /** All reviews of the round are in. */
  record EvaluateReviews() implements PlanCommand {
    @Override
    public PlanChange change() {
      return PlanChange.REVIEWS_EVALUATED;
    }
  }

  /** The coordinator's revised plan, as YAML or JSON text. */
  record Revise(String plan) implements PlanCommand {
    @Override
    public PlanChange change() {
      return PlanChange.REVISED;
    }
  }

  /** The council's decision on its date. */
  record RecordCouncilDecision(LocalDate councilDate, boolean approved) implements PlanCommand {
    @Override
    public PlanChange change() {
      return PlanChange.COUNCIL_RECORDED;
    }
  }
}
