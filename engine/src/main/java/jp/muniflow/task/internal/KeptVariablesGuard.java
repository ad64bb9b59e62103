package jp.muniflow.task.internal;

import jp.muniflow.engineadapter.EngineEntities;
import jp.muniflow.engineadapter.VariableWrites;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;

/**
 * The variables MuniFlow's processes keep ({@code SubsidyVariables.ALL}, {@code PlanVariables.ALL}) cannot be
 * written through Camunda's REST API or its webapps: notices and decisions rely on them (an administrator's
 * {@code PUT /engine-rest/task/{id}/variables/requestedAmount} once made a grant notice print 99,999,999円). A task's
 * completion may write the outcome its rules take ({@code decision}, {@code comment}, {@code grantedAmount} …), as
 * DESIGN.md wants a task to complete the same way through MuniFlow's API, its pages and Camunda's REST API.
 *
 * <p>The engine adapter reports every variable change, on every path, while the command runs ({@link VariableWrites});
 * this refuses the change, and with it the whole command, when the request that caused it is one of Camunda's APIs
 * ({@link CamundaApiWrites}) and named that variable itself. Variables the process's own steps write in the same
 * command (the routing, a deadline, a multi-instance's element) are not the client's and pass. A process of MuniFlow
 * is started only by MuniFlow (an application, a plan), so a start through Camunda's APIs is refused too.
 */
@Component
class KeptVariablesGuard implements VariableWrites {

  private final KeptVariables kept;

  KeptVariablesGuard(KeptVariables kept) {
    this.kept = kept;
  }

  static String startRefusal(String processDefinitionKey) {
    return "The process " + processDefinitionKey + " is started by MuniFlow (its API and pages), with the record it "
        + "belongs to; not through Camunda's REST API or webapps";
  }

  static String writeRefusal(String processDefinitionKey, String variable) {
    return "The variable '" + variable + "' of the process " + processDefinitionKey + " is kept by MuniFlow: only the "
        + "process's own steps and the outcomes of its tasks change it, not Camunda's REST API or webapps "
        + "(docs/operations.md, security)";
  }

  @Override
  public void starting(String processDefinitionKey) {
    if (CamundaApiWrites.current() != null && kept.keepsProcess(processDefinitionKey)) {
      throw new BadUserRequestException(startRefusal(processDefinitionKey));
    }
  }

  @Override
  public void writing(VariableWrite write) {
    CamundaApiWrites.Request request = CamundaApiWrites.current();
    if (request == null || !request.names.contains(write.variableName())
        || !kept.isKept(write.processDefinitionKey(), write.variableName())) {
      return;
    }
    EngineEntities.TaskInCommand completing = completing(request);
    if (completing != null && completing.processInstanceId().equals(write.processInstanceId())
        && kept.outcomeOf(write.processDefinitionKey(), completing.taskDefinitionKey()).contains(write.variableName())) {
      return;
    }
    throw new BadUserRequestException(writeRefusal(write.processDefinitionKey(), write.variableName()));
  }

  /** The task a completion request completes; looked up once, while the command still holds it. */
  private static EngineEntities.TaskInCommand completing(CamundaApiWrites.Request request) {
    if (request.completingTaskId == null) {
      return null;
    }
    if (request.completing == null) {
      request.completing = EngineEntities.taskInCommand(request.completingTaskId);
    }
    return request.completing;
  }
}
