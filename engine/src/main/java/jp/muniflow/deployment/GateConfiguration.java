package jp.muniflow.deployment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class GateConfiguration {

  /** The gate, with the application's beans and the engine's DMN languages as the expression checker sees them. */
  @Bean
  DeploymentGate deploymentGate(DelegateAllowList allowList, DmnLanguages dmnLanguages) {
    return new DeploymentGate(new ExpressionChecker(allowList::isBean, allowList::isAllowed), dmnLanguages::defaults);
  }
}
