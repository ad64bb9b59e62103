package jp.muniflow.engineadapter.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.muniflow.engineadapter.VariableWrites;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells the {@link VariableWrites} beans of every variable change and instance start. The engine reports each to its
 * history event handlers while the command runs, on every path that writes a variable; an exception there refuses the
 * command. Migrating a variable to another version is no write and is not reported.
 */
@Component
class VariableWritesPlugin extends AbstractProcessEnginePlugin {

  private static final Set<String> WRITES = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName(),
      HistoryEventTypes.VARIABLE_INSTANCE_UPDATE.getEventName(), HistoryEventTypes.VARIABLE_INSTANCE_DELETE.getEventName());

  private final ObjectProvider<VariableWrites> listeners;

  VariableWritesPlugin(ObjectProvider<VariableWrites> listeners) {
    this.listeners = listeners;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl cfg) {
    List<HistoryEventHandler> handlers = cfg.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(cfg.getCustomHistoryEventHandlers());
    handlers.add(new Reports());
    cfg.setCustomHistoryEventHandlers(handlers);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    HistoryLevel level = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel();
    if (level.getId() < HistoryLevel.HISTORY_LEVEL_AUDIT.getId()) {
      throw new IllegalStateException("MuniFlow hears of variable changes through the engine's history events: "
          + "camunda.bpm.history-level must be audit or full, not " + level.getName());
    }
  }

  private final class Reports implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable && WRITES.contains(variable.getEventType())) {
        var write = new VariableWrites.VariableWrite(variable.getProcessDefinitionKey(), variable.getProcessInstanceId(),
            variable.getVariableName());
        listeners.orderedStream().forEach(l -> l.writing(write));
      } else if (event instanceof HistoricProcessInstanceEventEntity instance
          && HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(instance.getEventType())) {
        listeners.orderedStream().forEach(l -> l.starting(instance.getProcessDefinitionKey()));
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
