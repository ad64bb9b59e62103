package jp.muniflow.task.internal;

import java.util.Date;
import java.util.List;
import java.util.Objects;
import jp.muniflow.engineadapter.UserTaskHooks;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.task.TaskAssigned;
import jp.muniflow.task.TaskDecisions;
import jp.muniflow.task.TaskOffered;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the other features of every user task that is created or handed to someone ({@link TaskOffered},
 * {@link TaskAssigned}), from inside the engine, on every path (MuniFlow, Camunda's REST API and Tasklist, timers),
 * and records at each completion whose decision it was ({@link TaskDecisions}).
 */
@Component
class TaskEventsInEngine implements UserTaskHooks {

  private final ApplicationEventPublisher events;

  TaskEventsInEngine(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  public boolean appliesTo(String processDefinitionKey, String taskDefinitionKey) {
    return true;
  }

  @Override
  public void created(String processDefinitionKey, DelegateTask task) {
    List<IdentityLink> links = List.copyOf(task.getCandidates());
    List<String> groups = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .map(IdentityLink::getGroupId).filter(Objects::nonNull).distinct().toList();
    List<String> users = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .map(IdentityLink::getUserId).filter(Objects::nonNull).distinct().toList();
    events.publishEvent(new TaskOffered(task.getId(), task.getName(), task.getTaskDefinitionKey(), processDefinitionKey,
        task.getTenantId(), task.getExecution().getProcessBusinessKey(), task.getAssignee(), groups, users,
        day(task.getDueDate())));
  }

  @Override
  public void assigned(String processDefinitionKey, DelegateTask task, String actor) {
    String assignee = task.getAssignee();
    if (assignee == null || assignee.equals(actor)) {
      return;
    }
    events.publishEvent(new TaskAssigned(task.getId(), task.getName(), task.getTaskDefinitionKey(), processDefinitionKey,
        task.getTenantId(), task.getExecution().getProcessBusinessKey(), assignee, actor, day(task.getDueDate())));
  }

  /**
   * When a substitute decided, the process holds whose decision it was and who made it for them; a later task completed
   * by its own assignee clears the substitute again, so a later notice never repeats an earlier 代決. Written only then:
   * the parallel reviews of a plan, completed by their own assignees at the same moment, never write the same process
   * variable.
   */
  @Override
  public void completing(String processDefinitionKey, DelegateTask task) {
    Object substitute = task.getVariableLocal(TaskDecisions.SUBSTITUTE);
    if (substitute instanceof String s && !s.isBlank()) {
      Object actingFor = task.getVariableLocal(TaskDecisions.ACTING_FOR);
      task.getExecution().setVariable(TaskDecisions.DECIDED_BY, actingFor instanceof String a ? a : task.getAssignee());
      task.getExecution().setVariable(TaskDecisions.SUBSTITUTE, s);
    } else if (task.getExecution().getVariable(TaskDecisions.SUBSTITUTE) != null) {
      task.getExecution().setVariable(TaskDecisions.SUBSTITUTE, null);
      task.getExecution().setVariable(TaskDecisions.DECIDED_BY, task.getAssignee());
    }
  }

  private static String day(Date due) {
    return due == null ? null : JapanTime.at(due).toLocalDate().toString();
  }
}
