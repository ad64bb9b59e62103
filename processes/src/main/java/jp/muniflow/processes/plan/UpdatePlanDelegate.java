package jp.muniflow.processes.plan;

import static jp.muniflow.processes.plan.PlanVariables.APPROVED;
import static jp.muniflow.processes.plan.PlanVariables.COMMENT;
import static jp.muniflow.processes.plan.PlanVariables.COUNCIL_DATE;
import static jp.muniflow.processes.plan.PlanVariables.DECISION;
import static jp.muniflow.processes.plan.PlanVariables.PLAN;
import static jp.muniflow.processes.plan.PlanVariables.REVIEW_GROUP;

import java.time.LocalDate;
import java.util.Map;
import jp.muniflow.processes.ModelDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Applies one {@link PlanChange} to the plan, named by the step's literal input parameter {@code change}, as a typed
 * {@link PlanCommand}. Inside the parallel reviews each review's decision is local to its own instance; the execution
 * reads its local variables first, so each review sends its own.
 */
@Component("updatePlanDelegate")
@ModelDelegate
public class UpdatePlanDelegate implements JavaDelegate {

  static final String CHANGE = "change";

  private final ProgramPlans plans;

  public UpdatePlanDelegate(ProgramPlans plans) {
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PlanChange change = PlanChange.valueOf((String) execution.getVariableLocal(CHANGE));
    Map<String, Object> result = plans.apply((String) execution.getVariable(PlanVariables.PLAN_ID),
        command(change, execution));
    result.forEach(execution::setVariable);
  }

  /** The command of a change, with the values of the variables that it needs. */
  static PlanCommand command(PlanChange change, VariableScope variables) {
    return switch (change) {
      case REVIEW_RECORDED -> new PlanCommand.RecordReview((String) variables.getVariable(REVIEW_GROUP),
          (String) variables.getVariable(DECISION), (String) variables.getVariable(COMMENT));
      case REVIEWS_EVALUATED -> new PlanCommand.EvaluateReviews();
      case REVISED -> new PlanCommand.Revise((String) variables.getVariable(PLAN));
      case COUNCIL_RECORDED -> new PlanCommand.RecordCouncilDecision(
          LocalDate.parse((String) variables.getVariable(COUNCIL_DATE)),
          Boolean.TRUE.equals(variables.getVariable(APPROVED)));
    };
  }
}
