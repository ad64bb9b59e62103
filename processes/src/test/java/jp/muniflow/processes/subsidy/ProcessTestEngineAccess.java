package jp.muniflow.processes.subsidy;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/** Lets the process tests of other packages build the same test engine. */
public final class ProcessTestEngineAccess {

  private ProcessTestEngineAccess() {
  }

  public static ProcessEngine build(Map<Object, Object> beans) {
    return ProcessTestEngine.build(beans);
  }

  /** With MuniFlow's tenant rule: an instance of a shared definition takes its start variable {@code tenantId}. */
  public static ProcessEngine buildWithTenants(Map<Object, Object> beans) {
    return ProcessTestEngine.build(beans, new org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider() {
      @Override
      public String provideTenantIdForProcessInstance(
          org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext ctx) {
        Object tenant = ctx.getVariables() == null ? null : ctx.getVariables().get(jp.muniflow.processes.ModelVariants.TENANT_VARIABLE);
        return tenant instanceof String s ? s : null;
      }

      @Override
      public String provideTenantIdForCaseInstance(
          org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext ctx) {
        return null;
      }

      @Override
      public String provideTenantIdForHistoricDecisionInstance(
          org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext ctx) {
        return ctx.getExecution() == null ? null : ctx.getExecution().getTenantId();
      }
    });
  }
}
