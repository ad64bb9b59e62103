package jp.muniflow.processes.subsidy;

import static jp.muniflow.processes.subsidy.SubsidyVariables.APPLICATION_ID;

import java.util.Map;
import jp.muniflow.processes.ModelDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies one {@link SubsidyChange} to the application, named by the step's literal input parameter {@code change}.
 * Runs in the transaction of the user action that led to it, so a refused change undoes the action.
 */
@Component("updateSubsidyApplicationDelegate")
@ModelDelegate
public class UpdateSubsidyApplicationDelegate implements JavaDelegate {

  static final String CHANGE = "change";

  private final SubsidyApplications applications;

  public UpdateSubsidyApplicationDelegate(SubsidyApplications applications) {
    this.applications = applications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SubsidyChange change = SubsidyChange.valueOf((String) execution.getVariableLocal(CHANGE));
    Map<String, Object> result = applications.apply((String) execution.getVariable(APPLICATION_ID), change,
        execution.getVariables());
    result.forEach(execution::setVariable);
  }
}
