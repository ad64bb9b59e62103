package jp.muniflow.processes;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.dmn.DecisionsEvaluationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;

/**
 * Which version of a model a municipality's instance uses: the municipality's own variant, if an administrator
 * deployed one for its tenant, else the shared model (deployed without a tenant). The one place that decides it, for
 * the processes the engine starts ({@link #startFor}) and the decisions the delegates evaluate ({@link #evaluateFor}),
 * so that a process and its decision table never follow different rules.
 */
public final class ModelVariants {

  /**
   * The start variable that puts an instance of a shared definition into its municipality's tenant (the engine's
   * tenant id provider reads it), so that the tenant check and the tenant's users see the instance, and nobody else.
   */
  public static final String TENANT_VARIABLE = "tenantId";

  private ModelVariants() {
  }

  /** Whether the tenant has its own variant of the process. */
  public static boolean hasOwnProcess(RepositoryService repository, String processKey, String tenantId) {
    return tenantId != null
        && repository.createProcessDefinitionQuery().processDefinitionKey(processKey).tenantIdIn(tenantId).count() > 0;
  }

  /** Whether the tenant has its own variant of the decision table. */
  public static boolean hasOwnDecision(RepositoryService repository, String decisionKey, String tenantId) {
    return tenantId != null
        && repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).tenantIdIn(tenantId).count() > 0;
  }

  /**
   * A start of the process on the tenant's variant, or on the shared model; the caller adds the business key and the
   * variables (with {@link #TENANT_VARIABLE}) and executes it.
   */
  public static ProcessInstantiationBuilder startFor(RuntimeService runtime, RepositoryService repository,
      String processKey, String tenantId) {
    ProcessInstantiationBuilder start = runtime.createProcessInstanceByKey(processKey);
    return hasOwnProcess(repository, processKey, tenantId)
        ? start.processDefinitionTenantId(tenantId) : start.processDefinitionWithoutTenantId();
  }

  /** An evaluation of the decision table on the tenant's variant, or on the shared table; the caller adds the inputs. */
  public static DecisionsEvaluationBuilder evaluateFor(DecisionService decisions, RepositoryService repository,
      String decisionKey, String tenantId) {
    DecisionsEvaluationBuilder evaluation = decisions.evaluateDecisionByKey(decisionKey);
    return hasOwnDecision(repository, decisionKey, tenantId)
        ? evaluation.decisionDefinitionTenantId(tenantId) : evaluation.decisionDefinitionWithoutTenantId();
  }
}
