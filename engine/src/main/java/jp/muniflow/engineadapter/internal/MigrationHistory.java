package jp.muniflow.engineadapter.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.engineadapter.InstanceMigration;
import jp.muniflow.engineadapter.MigrationListener;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Sees every migration of process instances, whichever way it was started: the engine writes a user operation log
 * entry for each, and this handler sees those entries as they are written. Each property of the operation (target
 * definition, number of instances, async) arrives as an entry of its own; they are joined by their operation id and
 * handed to the {@link MigrationListener}s as one migration when the engine's command closes, in the migration's
 * transaction — a migration rolled back is never told.
 */
class MigrationHistory implements HistoryEventHandler {

  private final ObjectProvider<MigrationListener> listeners;
  private final ThreadLocal<Map<String, Migration>> pending = new ThreadLocal<>();

  MigrationHistory(ObjectProvider<MigrationListener> listeners) {
    this.listeners = listeners;
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!(event instanceof UserOperationLogEntryEventEntity entry)
        || !UserOperationLogEntry.OPERATION_TYPE_MIGRATE.equals(entry.getOperationType())) {
      return;
    }
    Migration m = pendingOfThisCommand().computeIfAbsent(entry.getOperationId(), id -> new Migration(entry));
    switch (String.valueOf(entry.getProperty())) {
      case "processDefinitionId" -> m.target = entry.getNewValue();
      case "nrOfInstances" -> m.instances = entry.getNewValue();
      case "async" -> m.async = Boolean.parseBoolean(entry.getNewValue());
      default -> { }
    }
  }

  private Map<String, Migration> pendingOfThisCommand() {
    Map<String, Migration> migrations = pending.get();
    if (migrations == null) {
      Map<String, Migration> created = new LinkedHashMap<>();
      pending.set(created);
      CommandContext command = Context.getCommandContext();
      command.registerCommandContextListener(new CommandContextListener() {
        @Override
        public void onCommandContextClose(CommandContext commandContext) {
          pending.remove();
          created.values().forEach(m -> listeners.orderedStream().forEach(l -> l.migrated(m.done())));
        }

        @Override
        public void onCommandFailed(CommandContext commandContext, Throwable t) {
          pending.remove();
        }
      });
      migrations = created;
    }
    return migrations;
  }

  private static final class Migration {
    final String actor;
    final String tenantId;
    final String source;
    String target;
    String instances;
    boolean async;

    Migration(UserOperationLogEntryEventEntity entry) {
      this.actor = entry.getUserId();
      this.tenantId = entry.getTenantId();
      this.source = entry.getProcessDefinitionId();
    }

    InstanceMigration done() {
      return new InstanceMigration(actor, tenantId, source, target, instances, async);
    }
  }
}
