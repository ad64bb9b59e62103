package jp.muniflow.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Records every migration of process instances in the audit log, whichever way it was started (MuniFlow's admin
 * API, Camunda's REST API, Cockpit): the engine writes a user operation log entry for each migration, and this
 * handler sees those entries as they are written, in the migration's transaction. One entry per property of the
 * operation arrives together; they are joined by their operation id.
 */
class MigrationRecorder implements HistoryEventHandler {

  private final DeploymentAudit audit;

  MigrationRecorder(DeploymentAudit audit) {
    this.audit = audit;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    handleEvents(List.of(event));
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    Map<String, Migration> migrations = new LinkedHashMap<>();
    for (HistoryEvent event : events) {
      if (event instanceof UserOperationLogEntryEventEntity entry
          && UserOperationLogEntry.OPERATION_TYPE_MIGRATE.equals(entry.getOperationType())) {
        Migration m = migrations.computeIfAbsent(entry.getOperationId(), id -> new Migration(entry));
        switch (String.valueOf(entry.getProperty())) {
          case "processDefinitionId" -> m.target = entry.getNewValue();
          case "nrOfInstances" -> m.instances = entry.getNewValue();
          case "async" -> m.async = Boolean.parseBoolean(entry.getNewValue());
          default -> { }
        }
      }
    }
    migrations.values().forEach(m -> audit.migrated(m.actor, m.tenantId, m.source, m.target, m.instances, m.async));
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
