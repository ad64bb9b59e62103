package jp.muniflow.task;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.muniflow.engineadapter.AsSystem;
import jp.muniflow.engineadapter.EngineEntities;
import jp.muniflow.engineadapter.InOneCommand;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.tenants.GroupIds;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open tasks of a user: assigned to them, or offered to one of their groups. The engine adds its own checks on
 * top (tenant check, task authorizations), as the request runs under the user's engine identity.
 */
@Service
public class MyTasks {

  static final int MAX_RESULTS = 500;

  private final TaskService tasks;
  private final HistoryService history;
  private final RepositoryService repository;
  private final List<TaskCompletionCheck> completionChecks;
  private final AsSystem asSystem;
  private final InOneCommand inOneCommand;

  MyTasks(TaskService tasks, HistoryService history, RepositoryService repository, List<TaskCompletionCheck> completionChecks,
      AsSystem asSystem, InOneCommand inOneCommand) {
    this.asSystem = asSystem;
    this.inOneCommand = inOneCommand;
    this.tasks = tasks;
    this.history = history;
    this.repository = repository;
    this.completionChecks = completionChecks;
  }

  /**
   * The user's open tasks, newest first. The query runs as the system, with the engine's checks spelled out as
   * filters: tasks assigned to the user or offered to one of their groups (exactly the tasks for which the engine
   * created the user's or group's task authorization), within the user's tenants or without a tenant (the engine's
   * tenant check). Run as the user, the engine joins every candidate task with the authorizations of the user's
   * groups, one row per task, and that join grows with the square of the open tasks: with 100,000 open tasks the
   * list of a secretariat took seconds (docs/performance.md). A single task (get, claim, complete) still goes
   * through the engine's own checks.
   */
  public List<TaskView> list(MuniFlowUser user) {
    List<Task> open = asSystem.call(() -> withinTenantsOf(user, visibleTo(user)).orderByTaskCreateTime().desc()
        .listPage(0, MAX_RESULTS));
    return views(open);
  }

  /** The task if the user may see it; otherwise not found, whether it exists or not. */
  public TaskView get(MuniFlowUser user, String taskId) {
    return views(List.of(find(user, taskId))).get(0);
  }

  public void claim(MuniFlowUser user, String taskId) {
    Task task = find(user, taskId);
    if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
      throw BusinessRuleException.conflict("task.already-claimed");
    }
    if (task.getAssignee() == null) {
      tasks.claim(taskId, user.username());
    }
  }

  public void unclaim(MuniFlowUser user, String taskId) {
    Task task = find(user, taskId);
    if (!user.username().equals(task.getAssignee())) {
      throw BusinessRuleException.conflict("task.not-yours");
    }
    tasks.setAssignee(taskId, null);
  }

  /**
   * Completes the task with the outcome variables. The checks of its process (allowed decisions, amounts) run
   * before anything changes, so a refused completion leaves the task as it was. Look-up, checks, claim and completion
   * are one engine command (one flush, the task read once), in one transaction.
   */
  @Transactional
  public void complete(MuniFlowUser user, String taskId, Map<String, Object> variables) {
    inOneCommand.call(() -> {
      Task task = find(user, taskId);
      if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
        throw BusinessRuleException.conflict("task.already-claimed");
      }
      var facts = new TaskCompletionCheck.TaskFacts(processKeyOf(task), task.getTaskDefinitionKey(),
          task.getProcessInstanceId(), businessKeyOf(task), task.getTenantId());
      Map<String, Object> outcome = TaskCompletionCheck.find(completionChecks, facts.processDefinitionKey(),
          facts.taskDefinitionKey()).map(c -> c.check(facts, variables)).orElse(variables);
      // claim and completion together: a completion refused by the process leaves the task unclaimed
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user.username());
      }
      tasks.complete(task.getId(), outcome);
      return null;
    });
  }

  /** From the engine's cache of deployed definitions: no query. */
  private String processKeyOf(Task task) {
    return task.getProcessDefinitionId() == null ? null
        : asSystem.call(() -> repository.getProcessDefinition(task.getProcessDefinitionId()).getKey());
  }

  /**
   * Inside the completion's command the task is the engine's entity, and its process instance is the execution that
   * the claim and the completion read anyway: no query of the history for one task.
   */
  private static String businessKeyOf(Task task) {
    return EngineEntities.businessKeyOfLoadedTask(task);
  }

  private Task find(MuniFlowUser user, String taskId) {
    Task task = visibleTo(user).taskId(taskId).singleResult();
    if (task == null) {
      // hidden or missing: the same answer, but a hidden one is written to the audit log
      Task hidden = asSystem.call(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
      throw hidden == null ? new NotFoundException("task.not-found")
          : NotFoundException.hidden(hidden.getTenantId(), "task.not-found");
    }
    return task;
  }

  private TaskQuery visibleTo(MuniFlowUser user) {
    TaskQuery query = tasks.createTaskQuery().active();
    if (user.groups().isEmpty()) {
      return query.taskAssignee(user.username());
    }
    return query.or()
        .taskAssignee(user.username())
        .taskCandidateGroupIn(user.groups())
        .endOr();
  }

  /** The engine's tenant check as a filter; administrators, whom the engine does not check, see every tenant. */
  private static TaskQuery withinTenantsOf(MuniFlowUser user, TaskQuery query) {
    if (user.isMemberOf(GroupIds.ADMINS) || user.isMemberOf(GroupIds.CAMUNDA_ADMIN)) {
      return query;
    }
    if (user.tenantIds().isEmpty()) {
      return query.withoutTenantId();
    }
    return query.or().tenantIdIn(user.tenantIds().toArray(String[]::new)).withoutTenantId().endOr();
  }

  /**
   * The tasks with their process's key and business key. The tasks are the user's already, so their process instances
   * are read as the system: run as the user, the engine would join the instances with the authorizations of the
   * user's groups, one row per open task (12 ms at 100,000 open tasks), to learn what the tasks already say.
   */
  private List<TaskView> views(List<Task> open) {
    Set<String> instanceIds = open.stream().map(Task::getProcessInstanceId).filter(id -> id != null).collect(Collectors.toSet());
    Map<String, HistoricProcessInstance> instances = instanceIds.isEmpty() ? Map.of()
        : asSystem.call(() -> history.createHistoricProcessInstanceQuery().processInstanceIds(instanceIds).list()).stream()
            .collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity()));
    return open.stream().map(t -> {
      HistoricProcessInstance pi = instances.get(t.getProcessInstanceId());
      String key = pi != null ? pi.getProcessDefinitionKey()
          : t.getProcessDefinitionId() == null ? null
              : asSystem.call(() -> repository.getProcessDefinition(t.getProcessDefinitionId()).getKey());
      return new TaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getTenantId(), key,
          pi == null ? null : pi.getBusinessKey(), toOffset(t.getCreateTime()), toOffset(t.getDueDate()), t.getAssignee());
    }).toList();
  }

  private static OffsetDateTime toOffset(Date date) {
    return date == null ? null : date.toInstant().atZone(ZoneId.systemDefault()).toOffsetDateTime();
  }
}
