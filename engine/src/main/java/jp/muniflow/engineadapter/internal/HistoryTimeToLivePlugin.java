package jp.muniflow.engineadapter.internal;

import java.util.ArrayList;
import java.util.List;
import jp.muniflow.engineadapter.HistoryTimeToLivePolicy;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link HistoryTimeToLivePolicy} into the engine: history is removed by removal time (the end of the root
 * process instance plus its time to live, Camunda's {@code removalTimeBased} cleanup with the {@code end} strategy); a
 * model without {@code camunda:historyTimeToLive} is no longer refused (Camunda's ENGINE-12018, which MuniFlow's modeler
 * validation never asked for) but gets the policy's period; and every parsed process gets the days the policy gives.
 */
@Component
class HistoryTimeToLivePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<HistoryTimeToLivePolicy> policies;

  HistoryTimeToLivePlugin(ObjectProvider<HistoryTimeToLivePolicy> policies) {
    this.policies = policies;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl cfg) {
    HistoryTimeToLivePolicy policy = policies.getIfAvailable();
    if (policy == null) {
      return;
    }
    cfg.setEnforceHistoryTimeToLive(false);
    Integer defaultDays = policy.defaultDays();
    cfg.setHistoryTimeToLive(defaultDays == null ? null : "P" + defaultDays + "D");
    cfg.setHistoryCleanupStrategy(ProcessEngineConfigurationImpl.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
    cfg.setHistoryRemovalTimeStrategy(ProcessEngineConfigurationImpl.HISTORY_REMOVAL_TIME_STRATEGY_END);
    List<BpmnParseListener> listeners = new ArrayList<>(
        cfg.getCustomPostBPMNParseListeners() == null ? List.of() : cfg.getCustomPostBPMNParseListeners());
    listeners.add(new TimeToLiveOfPolicy(policy));
    cfg.setCustomPostBPMNParseListeners(listeners);
  }

  /** Sets a parsed process's time to live from the policy. */
  static final class TimeToLiveOfPolicy extends AbstractBpmnParseListener {

    private final HistoryTimeToLivePolicy policy;

    TimeToLiveOfPolicy(HistoryTimeToLivePolicy policy) {
      this.policy = policy;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
      // without the attribute Camunda has put its configured default in already: the model itself said nothing
      boolean own = processElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "historyTimeToLive") != null;
      definition.setHistoryTimeToLive(policy.processDays(definition.getKey(), own ? definition.getHistoryTimeToLive() : null));
    }
  }
}
