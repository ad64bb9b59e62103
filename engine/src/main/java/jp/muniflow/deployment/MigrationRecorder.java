package jp.muniflow.deployment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;

/**
 * Records every migration of process instances in the audit log, whichever way it was started (MuniFlow's admin
 * API, Camunda's REST API, Cockpit): the engine writes a user operation log entry for each migration, and this
 * handler sees those entries as they are written. Each property of the operation (target definition, number of
 * instances, async) arrives as an entry of its own; they are joined by their operation id and written as one row
 * when the engine's command closes, in the migration's transaction — a migration rolled back leaves no row.
 */
class MigrationRecorder implements HistoryEventHandler {

  private final DeploymentAudit audit;
  private final ThreadLocal<Map<String, Migration>> pending = new ThreadLocal<>();

  MigrationRecorder(DeploymentAudit audit) {
    this.audit = audit;
  }

  @Override
  public void handleEvents(java.util.List<HistoryEvent> events) {
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
          created.values().forEach(m -> audit.migrated(m.actor, m.tenantId, m.source, m.target, m.instances, m.async));
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
  }
}
