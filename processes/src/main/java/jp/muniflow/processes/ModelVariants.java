package jp.muniflow.processes;

import org.camunda.bpm.engine.RepositoryService;

/**
 * Which version of a model a municipality's instance uses: the municipality's own variant, if an administrator
 * deployed one for its tenant, else the shared model (deployed without a tenant). The one place that decides it, for
 * the processes the engine starts and the decisions the delegates evaluate, so that a process and its decision table
 * never follow different rules.
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
}
