package jp.muniflow.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The variables MuniFlow's processes keep ({@code SubsidyVariables.ALL}, {@code PlanVariables.ALL}) cannot be
 * written through Camunda's REST API or its webapps: notices and decisions rely on them (an administrator's
 * {@code PUT /engine-rest/task/{id}/variables/requestedAmount} once made a grant notice print 99,999,999円). A task's
 * completion may write the outcome its rules take ({@code decision}, {@code comment}, {@code grantedAmount} …), as
 * DESIGN.md wants a task to complete the same way through MuniFlow's API, its pages and Camunda's REST API.
 *
 * <p>The engine reports every variable change, on every path (a variable of an instance, an execution or a task,
 * local too, a patch, a modification, a message, a start, a migration), to its history event handlers while the
 * command runs; this handler refuses the change, and with it the whole command, when the request that caused it is
 * one of Camunda's APIs ({@link CamundaApiWrites}) and named that variable itself. Variables the process's own steps
 * write in the same command (the routing, a deadline, a multi-instance's element) are not the client's and pass. A
 * process of MuniFlow is started only by MuniFlow (an application, a plan), so a start through Camunda's APIs is
 * refused too. This needs the engine's history level {@code audit} or {@code full}; start-up fails otherwise.
 */
@Component
class KeptVariablesGuard extends AbstractProcessEnginePlugin {

  private static final Set<String> WRITES = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName(),
      HistoryEventTypes.VARIABLE_INSTANCE_UPDATE.getEventName(), HistoryEventTypes.VARIABLE_INSTANCE_DELETE.getEventName());

  private final ObjectProvider<KeptVariables> kept;

  KeptVariablesGuard(ObjectProvider<KeptVariables> kept) {
    this.kept = kept;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl cfg) {
    List<HistoryEventHandler> handlers = cfg.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(cfg.getCustomHistoryEventHandlers());
    handlers.add(new Refusals());
    cfg.setCustomHistoryEventHandlers(handlers);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    HistoryLevel level = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel();
    if (level.getId() < HistoryLevel.HISTORY_LEVEL_AUDIT.getId()) {
      throw new IllegalStateException("MuniFlow keeps its processes' variables with the engine's history events: "
          + "camunda.bpm.history-level must be audit or full, not " + level.getName());
    }
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

  private final class Refusals implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      CamundaApiWrites.Request request = CamundaApiWrites.current();
      if (request == null) {
        return;
      }
      if (event instanceof HistoricVariableUpdateEventEntity variable && WRITES.contains(variable.getEventType())) {
        refuseClientWrite(request, variable);
      } else if (event instanceof HistoricProcessInstanceEventEntity instance
          && HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(instance.getEventType())
          && kept.getObject().keepsProcess(instance.getProcessDefinitionKey())) {
        throw new BadUserRequestException(startRefusal(instance.getProcessDefinitionKey()));
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }

    private void refuseClientWrite(CamundaApiWrites.Request request, HistoricVariableUpdateEventEntity variable) {
      String name = variable.getVariableName();
      String process = variable.getProcessDefinitionKey();
      if (!request.names.contains(name) || !kept.getObject().isKept(process, name)) {
        return;
      }
      String[] completing = completing(request);
      if (completing != null && completing[1].equals(variable.getProcessInstanceId())
          && kept.getObject().outcomeOf(process, completing[0]).contains(name)) {
        return;
      }
      throw new BadUserRequestException(writeRefusal(process, name));
    }

    /** The task a completion request completes, as {key, process instance}; looked up once, while it still exists. */
    private String[] completing(CamundaApiWrites.Request request) {
      if (request.completingTaskId == null) {
        return null;
      }
      if (request.completing == null) {
        TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(request.completingTaskId);
        if (task == null || task.getProcessInstanceId() == null) {
          return null;
        }
        request.completing = new String[] {task.getTaskDefinitionKey(), task.getProcessInstanceId()};
      }
      return request.completing;
    }
  }
}
