package jp.muniflow.task;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.muniflow.audit.AuditLog;
import jp.muniflow.engineadapter.AsSystem;
import jp.muniflow.engineadapter.EngineEntities;
import jp.muniflow.engineadapter.InOneCommand;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.platform.Paging;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.substitution.StandIn;
import jp.muniflow.substitution.Substitutions;
import jp.muniflow.tenants.GroupIds;
import jp.muniflow.tenants.TenantRegistry;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
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
  /**
   * A list's total is counted up to this many tasks and shown as 「1,000件以上」 beyond: counting a secretariat's 30,000
   * open tasks for every page cost more than the page itself (docs/performance.md, figure 3).
   */
  public static final long COUNT_LIMIT = 1000;

  private final TaskService tasks;
  private final HistoryService history;
  private final RepositoryService repository;
  private final List<TaskCompletionCheck> completionChecks;
  private final AsSystem asSystem;
  private final InOneCommand inOneCommand;
  private final Substitutions substitutions;
  private final AuditLog audit;
  private final TenantRegistry registry;
  /** The engine's table prefix (none unless configured), for the list's own statement: {@link TaskListSql}. */
  private final String tablePrefix;
  /** The processes' names by key, as last read ({@link #processName}). */
  private volatile ProcessNames processNames;

  MyTasks(TaskService tasks, HistoryService history, RepositoryService repository, List<TaskCompletionCheck> completionChecks,
      AsSystem asSystem, InOneCommand inOneCommand, Substitutions substitutions, AuditLog audit, TenantRegistry registry,
      ManagementService management) {
    this.registry = registry;
    String taskTable = management.getTableName(Task.class);
    this.tablePrefix = taskTable.substring(0, taskTable.length() - "ACT_RU_TASK".length());
    this.asSystem = asSystem;
    this.substitutions = substitutions;
    this.audit = audit;
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
    List<Task> open = new ArrayList<>(asSystem.call(() -> withinTenantsOf(user, visibleTo(user)).orderByTaskCreateTime()
        .desc().listPage(0, MAX_RESULTS)));
    Map<String, String> onBehalfOf = new HashMap<>();
    List<StandIn> standIns = substitutions.standingInFor(user.username());
    if (!standIns.isEmpty()) {
      Set<String> seen = new LinkedHashSet<>();
      open.forEach(t -> seen.add(t.getId()));
      for (StandIn standIn : standIns) {
        for (Task t : tasksOf(user, standIn, null)) {
          onBehalfOf.put(t.getId(), standIn.absentUser());
          if (seen.add(t.getId())) {
            open.add(t);
          }
        }
      }
      open.sort(java.util.Comparator.comparing(Task::getCreateTime, java.util.Comparator.nullsLast(
          java.util.Comparator.<Date>reverseOrder())));
    }
    return views(open, onBehalfOf);
  }

  /**
   * One page of the user's open tasks that match the search, with their count: the filters, the order and the page
   * are the engine's task query's ({@code count}, {@code listPage}), run as the system with the user's visibility
   * spelled out as in {@link #list}, so that a secretariat's list stays fast at 100,000 open tasks and no other
   * tenant's task is read. A substitute's list also holds the absent users' tasks, which no one query can say (the
   * engine knows no substitutes): it is filtered and paged from {@link #list}, at most 500 tasks.
   */
  public Paging.Result<TaskView> search(MuniFlowUser user, TaskSearch search, Paging paging, OffsetDateTime now) {
    if (!substitutions.standingInFor(user.username()).isEmpty()) {
      List<TaskView> listed = list(user);
      ByVariables byVariables = byVariables(listed, user, search);
      List<TaskView> all = listed.stream().filter(t -> matches(t, user, search, now, byVariables))
          .sorted(order(search)).toList();
      int from = Math.min(all.size(), paging.offset());
      return new Paging.Result<>(all.subList(from, Math.min(all.size(), from + paging.size())), all.size(), paging);
    }
    TaskListSql sql = sql(user, search, now);
    long counted = asSystem.call(() -> sql.count(tasks, COUNT_LIMIT + 1).count());
    List<Task> page = counted == 0 ? List.of()
        : asSystem.call(() -> sql.page(tasks, search.sort()).listPage(paging.offset(), paging.size()));
    boolean exact = counted <= COUNT_LIMIT;
    // counted no further than the limit: the list holds at least that many, and at least as many as the page reached
    long total = exact ? counted : Math.max(COUNT_LIMIT, (long) paging.offset() + page.size());
    return new Paging.Result<>(views(page, Map.of()), total, paging, exact);
  }

  /**
   * How many of the user's open tasks match the search: the counts beside the list's filters, counted up to one more
   * than {@link #COUNT_LIMIT} (more than that many: 「1,000件以上」).
   */
  public long count(MuniFlowUser user, TaskSearch search, OffsetDateTime now) {
    if (!substitutions.standingInFor(user.username()).isEmpty()) {
      List<TaskView> listed = list(user);
      ByVariables byVariables = byVariables(listed, user, search);
      return listed.stream().filter(t -> matches(t, user, search, now, byVariables)).count();
    }
    TaskListSql sql = sql(user, search, now);
    return asSystem.call(() -> sql.count(tasks, COUNT_LIMIT + 1).count());
  }

  private TaskListSql sql(MuniFlowUser user, TaskSearch search, OffsetDateTime now) {
    return TaskListSql.of(tablePrefix, user, search, named(user, search), now);
  }

  /**
   * The municipalities the free text names that the user may see: a search for 「はちおうじ」 is a choice of 八王子市,
   * as the municipality filter is. A name of none of the user's municipalities is searched as text (a ward's title may
   * name a city). Looking for the name in every title too would read every task's title for each search: 0.7 s for a
   * secretariat at 100,000 tasks (docs/performance.md, figure 3).
   */
  private List<String> named(MuniFlowUser user, TaskSearch search) {
    if (search.q() == null) {
      return List.of();
    }
    boolean everyTenant = user.isMemberOf(GroupIds.ADMINS) || user.isMemberOf(GroupIds.CAMUNDA_ADMIN);
    return registry.matching(search.q()).stream().map(jp.muniflow.tenants.Municipality::tenantId)
        .filter(id -> everyTenant || user.tenantIds().contains(id)).toList();
  }

  /** The keys of the deployed processes, for the list's choice of process. */
  public List<String> processKeys() {
    return processNames(true).keySet().stream().sorted().toList();
  }

  /**
   * The name a process's model gives it (its latest version's, the shared one's before a municipality's variant),
   * for a process the message bundles do not name (one built in the browser); its key where the model names none.
   */
  public String processName(String key) {
    Map<String, String> names = processNames(false);
    if (!names.containsKey(key)) {
      // deployed since the names were read
      names = processNames(true);
    }
    return names.getOrDefault(key, key);
  }

  /** The processes' names by key, read again when asked or after a minute (a model's name changes with a deployment). */
  private Map<String, String> processNames(boolean fresh) {
    ProcessNames held = processNames;
    if (fresh || held == null || held.readAt().isBefore(java.time.Instant.now().minusSeconds(60))) {
      Map<String, String> names = new java.util.TreeMap<>();
      asSystem.call(() -> repository.createProcessDefinitionQuery().latestVersion().list()).stream()
          .sorted(java.util.Comparator.comparing(d -> d.getTenantId() == null ? 0 : 1))
          .forEach(d -> names.putIfAbsent(d.getKey(), d.getName() == null || d.getName().isBlank() ? d.getKey() : d.getName()));
      held = new ProcessNames(java.time.Instant.now(), Map.copyOf(names));
      processNames = held;
    }
    return held.byKey();
  }

  private record ProcessNames(java.time.Instant readAt, Map<String, String> byKey) {
  }

  /**
   * For a substitute's list, put together in memory: which of its tasks are of the year asked for and whose title
   * holds the text, as the engine answers from their processes' variables, two queries over the listed tasks at most
   * (not one per task), and the municipalities the text names, looked up once for the whole list. Null where the
   * search asks nothing of the variables.
   */
  private ByVariables byVariables(List<TaskView> listed, MuniFlowUser user, TaskSearch search) {
    List<String> named = named(user, search);
    if (listed.isEmpty() || search.fiscalYear() == null && search.q() == null) {
      return new ByVariables(null, null, named);
    }
    String[] ids = listed.stream().map(TaskView::id).toArray(String[]::new);
    Set<String> ofYear = search.fiscalYear() == null ? null : idsOf(tasks.createTaskQuery().taskIdIn(ids)
        .processVariableValueEquals(TaskSearch.FISCAL_YEAR, search.fiscalYear()));
    Set<String> titled = search.q() == null || !named.isEmpty() ? null : idsOf(tasks.createTaskQuery().taskIdIn(ids)
        .processVariableValueLike(TaskSearch.TITLE, "%" + search.q() + "%"));
    return new ByVariables(ofYear, titled, named);
  }

  private Set<String> idsOf(TaskQuery query) {
    return asSystem.call(query::list).stream().map(Task::getId).collect(Collectors.toSet());
  }

  /**
   * The tasks of a substitute's list that are of the year asked for, those whose title holds the text, and the
   * municipalities the text names (which then choose the tasks instead of the text).
   */
  private record ByVariables(Set<String> ofYear, Set<String> titled, List<String> named) {
  }

  /** The search on one task, as {@link TaskListSql} asks the database (for a substitute's list, put together in memory). */
  private boolean matches(TaskView t, MuniFlowUser user, TaskSearch search, OffsetDateTime now, ByVariables byVariables) {
    boolean show = switch (search.show()) {
      case "mine" -> user.username().equals(t.assignee());
      case "groups" -> t.assignee() == null;
      default -> true;
    };
    boolean due = search.due() == null || t.due() != null
        && t.due().isBefore("week".equals(search.due()) ? now.plusDays(7) : now);
    List<String> named = byVariables.named();
    boolean text = search.q() == null || (named.isEmpty()
        ? t.businessKey() != null && t.businessKey().contains(search.q()) || t.name() != null && t.name().contains(search.q())
            || byVariables.titled() != null && byVariables.titled().contains(t.id())
        : named.contains(t.tenantId()));
    boolean year = search.fiscalYear() == null || byVariables.ofYear() != null && byVariables.ofYear().contains(t.id());
    return show && due && text && year && (search.process() == null || search.process().equals(t.processDefinitionKey()))
        && (search.municipality() == null || search.municipality().equals(t.tenantId()));
  }

  private static java.util.Comparator<TaskView> order(TaskSearch search) {
    return "due".equals(search.sort())
        ? java.util.Comparator.comparing(TaskView::due, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
        : java.util.Comparator.comparing(TaskView::created, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()));
  }

  /** The task if the user may see it; otherwise not found, whether it exists or not. */
  public TaskView get(MuniFlowUser user, String taskId) {
    Found found = find(user, taskId);
    return views(List.of(found.task()), found.onBehalfOf() == null ? Map.of()
        : Map.of(taskId, found.onBehalfOf())).get(0);
  }

  /**
   * The values of the named variables as the task sees them, for a task the user may work on (or stand in for): a
   * form built without code starts from them, so a correction shows what was entered and a review shows what it checks.
   */
  public Map<String, Object> variables(MuniFlowUser user, String taskId, java.util.Collection<String> names) {
    Found found = find(user, taskId);
    return asSystem.call(() -> tasks.getVariables(found.task().getId(), names));
  }

  public void claim(MuniFlowUser user, String taskId) {
    Found found = find(user, taskId);
    Task task = found.task();
    if (found.onBehalfOf() != null) {
      // the absent user's task stays theirs: the substitute completes it without taking it over
      throw BusinessRuleException.conflict("task.substitute-no-claim", found.onBehalfOf());
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
      throw BusinessRuleException.conflict("task.already-claimed");
    }
    if (task.getAssignee() == null) {
      tasks.claim(taskId, user.username());
    }
  }

  public void unclaim(MuniFlowUser user, String taskId) {
    Task task = find(user, taskId).task();
    if (!user.username().equals(task.getAssignee())) {
      throw BusinessRuleException.conflict("task.not-yours");
    }
    tasks.setAssignee(taskId, null);
  }

  /**
   * Completes the task with the outcome variables. The checks of its process (allowed decisions, amounts) run
   * before anything changes, so a refused completion leaves the task as it was. Look-up, checks, claim and completion
   * are one engine command (one flush, the task read once), in one transaction.
   *
   * <p>A substitute completes the absent user's task as MuniFlow's decision, not the engine's (the engine knows no
   * substitutes): the task keeps both names as its own variables ({@link TaskDecisions}), and the audit log records
   * both.
   */
  @Transactional
  public void complete(MuniFlowUser user, String taskId, Map<String, Object> variables) {
    inOneCommand.call(() -> {
      Found found = find(user, taskId);
      Task task = found.task();
      if (found.onBehalfOf() == null && task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
        throw BusinessRuleException.conflict("task.already-claimed");
      }
      var facts = new TaskCompletionCheck.TaskFacts(processKeyOf(task), task.getTaskDefinitionKey(),
          task.getProcessInstanceId(), businessKeyOf(task), task.getTenantId());
      Map<String, Object> outcome = TaskCompletionCheck.find(completionChecks, facts.processDefinitionKey(),
          facts.taskDefinitionKey()).map(c -> c.check(facts, variables)).orElse(variables);
      if (found.onBehalfOf() != null) {
        asSystem.run(() -> {
          tasks.setVariableLocal(task.getId(), TaskDecisions.SUBSTITUTE, user.username());
          tasks.setVariableLocal(task.getId(), TaskDecisions.ACTING_FOR, found.onBehalfOf());
          tasks.complete(task.getId(), outcome);
        });
        audit.record(user.username(), "task.completed-by-substitute", task.getTenantId(), "task/" + task.getId(),
            task.getTaskDefinitionKey() + " " + businessKeyOf(task) + ": " + found.onBehalfOf() + "（代決: "
                + user.username() + "）");
        return null;
      }
      // claim and completion together: a completion refused by the process leaves the task unclaimed
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user.username());
      }
      try {
        tasks.complete(task.getId(), outcome);
      } catch (ProcessEngineException e) {
        throw refusalWithin(e);
      }
      return null;
    });
  }

  /**
   * A feature's refusal raised inside the engine while the task completes (its documents missing: a rule that needs
   * the feature's own records) arrives wrapped in the engine's exception: the caller gets the refusal itself.
   */
  private static RuntimeException refusalWithin(ProcessEngineException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException || t instanceof BusinessRuleException) {
        return (RuntimeException) t;
      }
    }
    return e;
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

  /**
   * Whether the task is one of the user's groups' that someone else has claimed meanwhile: the reason a task the user
   * saw in their list is no longer theirs to act on. Asked as the user: the engine answers only for the user's groups.
   */
  public Optional<TaskView> takenByAnother(MuniFlowUser user, String taskId) {
    if (user.groups().isEmpty()) {
      return Optional.empty();
    }
    Task taken = tasks.createTaskQuery().taskId(taskId).taskCandidateGroupIn(user.groups()).includeAssignedTasks()
        .singleResult();
    return taken != null && taken.getAssignee() != null && !taken.getAssignee().equals(user.username())
        ? Optional.of(views(List.of(taken), Map.of()).get(0)) : Optional.empty();
  }

  /**
   * The task as the user may see it: their own or their groups', or an absent user's that they stand in for today
   * (assigned to the absent user, or offered to one of the absent user's groups that is not the user's own).
   */
  private Found find(MuniFlowUser user, String taskId) {
    Task task = visibleTo(user).taskId(taskId).singleResult();
    List<StandIn> standIns = task != null && (task.getAssignee() == null || task.getAssignee().equals(user.username()))
        ? List.of() : substitutions.standingInFor(user.username());
    for (StandIn standIn : standIns) {
      if (task != null && standIn.absentUser().equals(task.getAssignee())) {
        return new Found(task, standIn.absentUser());
      }
      if (task == null) {
        Optional<Task> theirs = tasksOf(user, standIn, taskId).stream().findFirst();
        if (theirs.isPresent()) {
          return new Found(theirs.get(), standIn.absentUser());
        }
      }
    }
    if (task == null) {
      // hidden or missing: the same answer, but a hidden one is written to the audit log
      Task hidden = asSystem.call(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
      throw hidden == null ? new NotFoundException("task.not-found")
          : NotFoundException.hidden(hidden.getTenantId(), "task.not-found");
    }
    return new Found(task, null);
  }

  /**
   * The absent user's open tasks within the substitute's tenants: assigned to the absent user, or offered (unclaimed)
   * to a group of the absent user's that the substitute is not in. Read as the system: the engine knows no substitutes.
   */
  private List<Task> tasksOf(MuniFlowUser substitute, StandIn standIn, String taskId) {
    List<Task> found = new ArrayList<>();
    TaskQuery assigned = tasks.createTaskQuery().active().taskAssignee(standIn.absentUser());
    found.addAll(asSystem.call(() -> withinTenantsOf(substitute, taskId == null ? assigned : assigned.taskId(taskId))
        .listPage(0, MAX_RESULTS)));
    List<String> notTheirOwn = standIn.groups().stream().filter(g -> !substitute.isMemberOf(g)).toList();
    if (!notTheirOwn.isEmpty()) {
      TaskQuery offered = tasks.createTaskQuery().active().taskCandidateGroupIn(notTheirOwn);
      found.addAll(asSystem.call(() -> withinTenantsOf(substitute, taskId == null ? offered : offered.taskId(taskId))
          .listPage(0, MAX_RESULTS)));
    }
    return found;
  }

  /** A task found for a user, and the absent user they complete it for (null: their own). */
  private record Found(Task task, String onBehalfOf) {
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
  private List<TaskView> views(List<Task> open, Map<String, String> onBehalfOf) {
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
          pi == null ? null : pi.getBusinessKey(), toOffset(t.getCreateTime()), toOffset(t.getDueDate()), t.getAssignee(),
          onBehalfOf.get(t.getId()));
    }).toList();
  }

  private static OffsetDateTime toOffset(Date date) {
    return JapanTime.at(date);
  }
}
