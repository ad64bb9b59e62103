package jp.muniflow.processes.plan;

import java.util.HashMap;
import java.util.Map;
import jp.muniflow.processes.ModelDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies one {@link PlanChange} to the plan, named by the step's literal input parameter {@code change}. Inside the
 * parallel reviews each review's decision is local to its own instance, so it passes the variables as this execution
 * sees them, local ones first.
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
    Map<String, Object> variables = new HashMap<>(execution.getVariables());
    Map<String, Object> result = plans.apply((String) execution.getVariable(PlanVariables.PLAN_ID), change, variables);
    result.forEach(execution::setVariable);
  }
}
