package jp.muniflow.engineadapter;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The default expression languages of the running engine's DMN engine. Read when asked, not at start-up: the DMN
 * engine's configuration exists only once the process engine is built. Before that, the DMN engine's own defaults.
 */
@Component
public class EngineDmnDefaults {

  private final ObjectProvider<ProcessEngineConfigurationImpl> engine;

  EngineDmnDefaults(ObjectProvider<ProcessEngineConfigurationImpl> engine) {
    this.engine = engine;
  }

  public DmnDefaults defaults() {
    ProcessEngineConfigurationImpl cfg = engine.getIfAvailable();
    DefaultDmnEngineConfiguration dmn = cfg != null && cfg.getDmnEngineConfiguration() != null
        ? cfg.getDmnEngineConfiguration() : new DefaultDmnEngineConfiguration();
    return new DmnDefaults(dmn.getDefaultInputExpressionExpressionLanguage(), dmn.getDefaultInputEntryExpressionLanguage(),
        dmn.getDefaultOutputEntryExpressionLanguage(), dmn.getDefaultLiteralExpressionLanguage());
  }
}
