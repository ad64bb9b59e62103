package jp.muniflow.engineadapter.internal;

import java.util.ArrayList;
import java.util.List;
import jp.muniflow.engineadapter.UserTaskHooks;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives the user tasks that a {@link UserTaskHooks} bean wants two built-in listeners, added when their model is
 * parsed: one at creation, one at completion. Built-in listeners run on every path that creates or completes a task
 * and cannot be removed by a model, unlike listeners written into the BPMN.
 */
@Component
class UserTaskHooksPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<UserTaskHooks> hooks;

  UserTaskHooksPlugin(ObjectProvider<UserTaskHooks> hooks) {
    this.hooks = hooks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl cfg) {
    if (cfg.getCustomPostBPMNParseListeners() == null) {
      cfg.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    cfg.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String processKey = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
        List<UserTaskHooks> wanted = hooks.orderedStream().filter(h -> h.appliesTo(processKey, activity.getId())).toList();
        if (wanted.isEmpty()) {
          return;
        }
        var taskDefinition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        taskDefinition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
            task -> wanted.forEach(h -> h.created(processKey, task)));
        taskDefinition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
            task -> wanted.forEach(h -> h.completing(processKey, task)));
      }
    });
  }
}
