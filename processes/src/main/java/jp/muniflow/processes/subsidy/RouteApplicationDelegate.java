package jp.muniflow.processes.subsidy;

import static jp.muniflow.processes.subsidy.SubsidyVariables.APPLICATION_ID;
import static jp.muniflow.processes.subsidy.SubsidyVariables.DECIDING_SECRETARIAT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.MANAGERS_GROUP;
import static jp.muniflow.processes.subsidy.SubsidyVariables.MUNICIPALITY_KIND;
import static jp.muniflow.processes.subsidy.SubsidyVariables.REVIEWERS_GROUP;
import static jp.muniflow.processes.subsidy.SubsidyVariables.REVIEWING_SECRETARIAT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.ROUTING_DECISION_KEY;

import jp.muniflow.processes.ModelDelegate;
import jp.muniflow.processes.ModelVariants;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Decides which secretariats review and decide an application, with the DMN table {@code subsidyRouting}: the
 * municipality's own version of the table if it has one, else the shared one. Sets the secretariats and their groups
 * as plain string variables (the candidate groups of the review and decision tasks).
 */
@Component("routeApplicationDelegate")
@ModelDelegate
public class RouteApplicationDelegate implements JavaDelegate {

  private final SubsidyApplications applications;

  public RouteApplicationDelegate(SubsidyApplications applications) {
    this.applications = applications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DecisionService decisions = execution.getProcessEngineServices().getDecisionService();
    DmnDecisionResultEntries route = evaluate(decisions, execution).getSingleResult();
    String reviewing = route.getEntry(REVIEWING_SECRETARIAT);
    String deciding = route.getEntry(DECIDING_SECRETARIAT);
    execution.setVariable(REVIEWING_SECRETARIAT, reviewing);
    execution.setVariable(DECIDING_SECRETARIAT, deciding);
    execution.setVariable(REVIEWERS_GROUP, reviewing + "-reviewers");
    execution.setVariable(MANAGERS_GROUP, deciding + "-managers");
    applications.recordRouting((String) execution.getVariable(APPLICATION_ID), reviewing, deciding);
  }

  private static DmnDecisionResult evaluate(DecisionService decisions, DelegateExecution execution) {
    return ModelVariants.evaluateFor(decisions, execution.getProcessEngineServices().getRepositoryService(),
            ROUTING_DECISION_KEY, execution.getTenantId())
        .variables(Variables.createVariables().putValue(MUNICIPALITY_KIND, execution.getVariable(MUNICIPALITY_KIND)))
        .evaluate();
  }
}
