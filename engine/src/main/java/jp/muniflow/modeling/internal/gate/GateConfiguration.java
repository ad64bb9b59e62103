package jp.muniflow.modeling.internal.gate;

import jp.muniflow.engineadapter.DmnDefaults;
import jp.muniflow.engineadapter.EngineDmnDefaults;
import jp.muniflow.processes.block.BlockInputChecker;
import jp.muniflow.processes.block.TenantSets;
import jp.muniflow.processes.notice.NoticeTemplateCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class GateConfiguration {

  /**
   * The gate, with the application's beans and the engine's DMN languages as the expression checker sees them, and the
   * building blocks' inputs checked against the notice templates and the municipalities' register.
   */
  @Bean
  DeploymentGate deploymentGate(DelegateAllowList allowList, EngineDmnDefaults engineDmn, NoticeTemplateCatalog templates,
      TenantSets tenantSets) {
    return new DeploymentGate(new ExpressionChecker(allowList::isBean, allowList::isAllowed), () -> {
      DmnDefaults d = engineDmn.defaults();
      return new DmnRules.Defaults(d.inputExpression(), d.inputEntry(), d.outputEntry(), d.literalExpression());
    }, new BlockRules(allowList::blockInputs, new BlockInputChecker(templates, tenantSets)));
  }
}
