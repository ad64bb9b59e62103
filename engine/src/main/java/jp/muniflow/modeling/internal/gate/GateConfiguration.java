package jp.muniflow.modeling.internal.gate;

import jp.muniflow.engineadapter.DmnDefaults;
import jp.muniflow.engineadapter.EngineDmnDefaults;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class GateConfiguration {

  /** The gate, with the application's beans and the engine's DMN languages as the expression checker sees them. */
  @Bean
  DeploymentGate deploymentGate(DelegateAllowList allowList, EngineDmnDefaults engineDmn) {
    return new DeploymentGate(new ExpressionChecker(allowList::isBean, allowList::isAllowed), () -> {
      DmnDefaults d = engineDmn.defaults();
      return new DmnRules.Defaults(d.inputExpression(), d.inputEntry(), d.outputEntry(), d.literalExpression());
    });
  }
}
