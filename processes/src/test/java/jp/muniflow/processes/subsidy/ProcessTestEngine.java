package jp.muniflow.processes.subsidy;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/**
 * A real Camunda engine on in-memory H2 for the process tests, configured as MuniFlow configures its engine where it
 * matters to the models (no Java serialization of variables, lists as JSON, no job executor: the tests run jobs themselves), with
 * the delegate beans the models call.
 */
final class ProcessTestEngine {

  private ProcessTestEngine() {
  }

  static ProcessEngine build(Map<Object, Object> beans) {
    return build(beans, null);
  }

  /**
   * With a tenant id provider too: MuniFlow's engine puts an instance of a shared definition into the tenant named by
   * its start variable {@code tenantId} (the engine adapter's {@code TenantOfVariable}).
   */
  static ProcessEngine build(Map<Object, Object> beans, org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider tenants) {
    StandaloneInMemProcessEngineConfiguration cfg = new StandaloneInMemProcessEngineConfiguration();
    cfg.setProcessEngineName("process-test-" + UUID.randomUUID());
    cfg.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    cfg.setJobExecutorActivate(false);
    cfg.setJavaSerializationFormatEnabled(false);
    cfg.setDefaultSerializationFormat("application/json");
    cfg.setDeserializationTypeValidationEnabled(true);
    cfg.setProcessEnginePlugins(new java.util.ArrayList<>(java.util.List.of(new org.camunda.spin.plugin.impl.SpinProcessEnginePlugin())));
    cfg.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    cfg.setBeans(beans);
    cfg.setTenantIdProvider(tenants);
    return cfg.buildProcessEngine();
  }
}
