package jp.muniflow.modeling.internal.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jp.muniflow.platform.BusinessRuleException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running instances from an older version of a process to a newer one with Camunda's migration API: a plan
 * that maps equal activities, a check of each instance against it, and a batch that the job executor carries out.
 *
 * <p>Camunda validates an instance against a plan only while migrating it. So each instance is migrated once inside
 * a transaction that is always rolled back: what it would refuse is reported, and nothing changes. The batch then
 * takes only the instances that passed.
 */
@Service
class Migrations {

  static final int MAX_INSTANCES = 1000;

  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;
  private final Definitions definitions;
  private final TransactionTemplate dryRun;

  Migrations(RuntimeService runtime, ManagementService management, HistoryService history, Definitions definitions,
      PlatformTransactionManager transactions) {
    this.runtime = runtime;
    this.management = management;
    this.history = history;
    this.definitions = definitions;
    this.dryRun = new TransactionTemplate(transactions);
  }

  /** The older versions of the target's key and tenant that have running instances. */
  List<DefinitionView> sourcesFor(String targetDefinitionId) {
    DefinitionView target = process(targetDefinitionId);
    return definitions.versionsOf(target).stream()
        .filter(v -> v.version() < target.version() && v.runningInstances() > 0)
        .toList();
  }

  Plan plan(String sourceDefinitionId, String targetDefinitionId) {
    DefinitionView source = process(sourceDefinitionId);
    DefinitionView target = process(targetDefinitionId);
    if (!source.key().equals(target.key()) || !Objects.equals(source.tenantId(), target.tenantId())
        || source.id().equals(target.id())) {
      throw BusinessRuleException.unprocessable("modeler.migration-not-same-process");
    }
    MigrationPlan plan;
    try {
      plan = runtime.createMigrationPlan(source.id(), target.id()).mapEqualActivities().updateEventTriggers().build();
    } catch (MigrationPlanValidationException e) {
      List<String> reasons = new ArrayList<>();
      for (MigrationInstructionValidationReport r : e.getValidationReport().getInstructionReports()) {
        reasons.addAll(r.getFailures());
      }
      throw BusinessRuleException.unprocessable("modeler.migration-plan-invalid", String.join("; ", reasons));
    }
    List<Instruction> instructions = plan.getInstructions().stream()
        .map(i -> new Instruction(i.getSourceActivityId(), i.getTargetActivityId())).toList();
    List<String> migratable = new ArrayList<>();
    List<Blocked> blocked = new ArrayList<>();
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionId(source.id())
        .listPage(0, MAX_INSTANCES)) {
      List<String> reasons = tryMigrating(plan, instance.getId());
      if (reasons.isEmpty()) {
        migratable.add(instance.getId());
      } else {
        blocked.add(new Blocked(instance.getId(), instance.getBusinessKey(), reasons));
      }
    }
    return new Plan(source, target, plan, instructions, migratable, blocked);
  }

  /** Starts the batch for the instances that can move; the rest stay where they are. */
  Started migrate(String sourceDefinitionId, String targetDefinitionId) {
    Plan plan = plan(sourceDefinitionId, targetDefinitionId);
    if (plan.migratable().isEmpty()) {
      throw BusinessRuleException.conflict("modeler.migration-nothing-to-move");
    }
    Batch batch = runtime.newMigration(plan.camundaPlan()).processInstanceIds(plan.migratable()).executeAsync();
    return new Started(batch.getId(), plan.migratable().size(), plan.blocked());
  }

  BatchStatus status(String batchId) {
    BatchStatistics running = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
    if (running != null) {
      return new BatchStatus(batchId, running.getTotalJobs(), running.getCompletedJobs(), running.getFailedJobs(),
          running.getRemainingJobs(), running.getRemainingJobs() == 0 && running.getFailedJobs() == 0);
    }
    HistoricBatch finished = history.createHistoricBatchQuery().batchId(batchId).singleResult();
    if (finished == null) {
      throw new jp.muniflow.platform.NotFoundException("modeler.batch-not-found");
    }
    return new BatchStatus(batchId, finished.getTotalJobs(), finished.getTotalJobs(), 0, 0, finished.getEndTime() != null);
  }

  /** Migrates one instance in a transaction that is rolled back whatever happens: Camunda's verdict, no change. */
  private List<String> tryMigrating(MigrationPlan plan, String processInstanceId) {
    List<String> reasons = new ArrayList<>();
    dryRun.executeWithoutResult(tx -> {
      try {
        runtime.newMigration(plan).processInstanceIds(processInstanceId).skipCustomListeners().execute();
      } catch (MigratingProcessInstanceValidationException e) {
        reasons.addAll(reasonsOf(e.getValidationReport()));
      } catch (ProcessEngineException e) {
        // anything else the engine refuses for this instance (a suspended instance, a concurrent change)
        reasons.add(String.valueOf(e.getMessage()));
      } finally {
        tx.setRollbackOnly();
      }
    });
    return reasons;
  }

  private static List<String> reasonsOf(MigratingProcessInstanceValidationReport report) {
    List<String> reasons = new ArrayList<>(report.getFailures());
    for (MigratingActivityInstanceValidationReport a : report.getActivityInstanceReports()) {
      a.getFailures().forEach(f -> reasons.add(a.getSourceScopeId() + ": " + f));
    }
    for (MigratingTransitionInstanceValidationReport t : report.getTransitionInstanceReports()) {
      t.getFailures().forEach(f -> reasons.add(t.getSourceScopeId() + ": " + f));
    }
    return reasons;
  }

  private DefinitionView process(String id) {
    DefinitionView view = definitions.get(id);
    if (!"process".equals(view.type())) {
      throw BusinessRuleException.unprocessable("modeler.migration-not-same-process");
    }
    return view;
  }

  record Instruction(String sourceActivityId, String targetActivityId) {
  }

  record Blocked(String processInstanceId, String businessKey, List<String> reasons) {
  }

  record Plan(DefinitionView source, DefinitionView target, MigrationPlan camundaPlan, List<Instruction> instructions,
      List<String> migratable, List<Blocked> blocked) {
  }

  record Started(String batchId, int migrating, List<Blocked> blocked) {
  }

  record BatchStatus(String batchId, int totalJobs, int completedJobs, int failedJobs, int remainingJobs,
      boolean finished) {
  }
}
