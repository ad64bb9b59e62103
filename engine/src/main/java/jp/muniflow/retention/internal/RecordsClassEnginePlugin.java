package jp.muniflow.retention.internal;

import java.util.ArrayList;
import java.util.List;
import jp.muniflow.retention.RecordsClass;
import jp.muniflow.retention.RecordsClasses;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Camunda's history follows the records classes. Every deployment path (MuniFlow's start, the admin modeler, Camunda's
 * REST API) parses its models here, so each gets the same time to live:
 * <ul>
 *   <li>a process whose key the data file lists gets its class's period, whatever the model says: the records
 *       officer's data, not a model's author, decide how long a record is kept;</li>
 *   <li>a process it does not list keeps the model's {@code camunda:historyTimeToLive}, and without one gets the
 *       default class — Camunda's own refusal of such a model (ENGINE-12018) is off, as the modeler's validation
 *       never asked for the attribute;</li>
 *   <li>a decision without one gets the default class (the engine's default time to live).</li>
 * </ul>
 * History is removed by removal time: the end of the root process instance plus its time to live; Camunda's cleanup
 * removes what is due in its batch window ({@code camunda.bpm.generic-properties}).
 */
@Component
class RecordsClassEnginePlugin extends AbstractProcessEnginePlugin {

  private final RecordsClasses classes;

  RecordsClassEnginePlugin(RecordsClasses classes) {
    this.classes = classes;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl cfg) {
    cfg.setEnforceHistoryTimeToLive(false);
    Integer defaultDays = classes.defaultClass().days();
    cfg.setHistoryTimeToLive(defaultDays == null ? null : "P" + defaultDays + "D");
    cfg.setHistoryCleanupStrategy(ProcessEngineConfigurationImpl.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
    cfg.setHistoryRemovalTimeStrategy(ProcessEngineConfigurationImpl.HISTORY_REMOVAL_TIME_STRATEGY_END);
    List<BpmnParseListener> listeners = new ArrayList<>(
        cfg.getCustomPostBPMNParseListeners() == null ? List.of() : cfg.getCustomPostBPMNParseListeners());
    listeners.add(new TimeToLiveOfRecordsClass(classes));
    cfg.setCustomPostBPMNParseListeners(listeners);
  }

  /** Sets a parsed process's time to live from its records class (see the plugin). */
  static final class TimeToLiveOfRecordsClass extends AbstractBpmnParseListener {

    private final RecordsClasses classes;

    TimeToLiveOfRecordsClass(RecordsClasses classes) {
      this.classes = classes;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
      var listed = classes.listed(RecordsClasses.Kind.PROCESS, definition.getKey());
      if (listed.isPresent()) {
        definition.setHistoryTimeToLive(listed.get().days());
      } else if (processElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "historyTimeToLive") == null) {
        RecordsClass fallback = classes.defaultClass();
        definition.setHistoryTimeToLive(fallback.days());
      }
    }
  }

}
