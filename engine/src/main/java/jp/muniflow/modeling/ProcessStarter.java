package jp.muniflow.modeling;

import java.util.HashMap;
import java.util.Map;
import jp.muniflow.processes.ModelVariants;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Starts a process for a municipality: on the municipality's own variant of the model if an administrator deployed
 * one for its tenant, else on the shared model. Running instances keep the version they started on.
 */
@Component
public class ProcessStarter {

  private final RepositoryService repository;
  private final RuntimeService runtime;

  ProcessStarter(RepositoryService repository, RuntimeService runtime) {
    this.repository = repository;
    this.runtime = runtime;
  }

  public ProcessInstance startForTenant(String processKey, String tenantId, String businessKey, Map<String, Object> variables) {
    Map<String, Object> all = new HashMap<>(variables);
    all.put(ModelVariants.TENANT_VARIABLE, tenantId);
    return ModelVariants.startFor(runtime, repository, processKey, tenantId).businessKey(businessKey).setVariables(all)
        .execute();
  }

  /** The latest definition a new instance of the municipality would start on. */
  public ProcessDefinition definitionForTenant(String processKey, String tenantId) {
    var query = repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion();
    return ModelVariants.hasOwnProcess(repository, processKey, tenantId) ? query.tenantIdIn(tenantId).singleResult()
        : query.withoutTenantId().singleResult();
  }
}
