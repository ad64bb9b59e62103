package jp.muniflow.deployment;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The default expression languages of the engine's DMN engine, as it is configured: a DMN expression without a
 * language of its own is evaluated in these, so the gate checks it in these.
 */
@Component
class DmnLanguages {

  private volatile ProcessEngineConfigurationImpl engine;

  void use(ProcessEngineConfigurationImpl configuration) {
    this.engine = configuration;
  }

  DmnRules.Defaults defaults() {
    ProcessEngineConfigurationImpl cfg = engine;
    DefaultDmnEngineConfiguration dmn = cfg != null && cfg.getDmnEngineConfiguration() != null
        ? cfg.getDmnEngineConfiguration() : new DefaultDmnEngineConfiguration();
    return new DmnRules.Defaults(dmn.getDefaultInputExpressionExpressionLanguage(),
        dmn.getDefaultInputEntryExpressionLanguage(), dmn.getDefaultOutputEntryExpressionLanguage(),
        dmn.getDefaultLiteralExpressionLanguage());
  }
}
