package jp.muniflow.subsidy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.muniflow.engineadapter.AsSystem;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.platform.Paging;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.task.TaskDecisions;
import jp.muniflow.subsidy.internal.ApplicationAccess;
import jp.muniflow.subsidy.internal.ApplicationStore;
import jp.muniflow.tenants.GroupIds;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.TenantRegistry;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** Applications as their users see them: lists, and one application with its current step and its history. */
@Service
public class ApplicationQueries {

  static final int LIST_LIMIT = 1000;
  /** The steps a person or the office sees in the timeline; gateways and events are the model's plumbing. */
  private static final Set<String> TIMELINE_TYPES = Set.of("userTask", "serviceTask", "businessRuleTask");

  private final ApplicationStore store;
  private final ApplicationAccess access;
  private final TaskService tasks;
  private final HistoryService history;
  private final AsSystem asSystem;
  private final TenantRegistry registry;

  ApplicationQueries(ApplicationStore store, ApplicationAccess access, TaskService tasks, HistoryService history,
      AsSystem asSystem, TenantRegistry registry) {
    this.registry = registry;
    this.asSystem = asSystem;
    this.store = store;
    this.access = access;
    this.tasks = tasks;
    this.history = history;
  }

  public List<SubsidyApplication> list(MuniFlowUser user, ApplicationStatus status, Integer fiscalYear) {
    List<String> tenants = access.tenantsToList(user).orElse(null);
    return store.list(tenants, status, fiscalYear, LIST_LIMIT).stream().filter(a -> access.canSee(user, a)).toList();
  }

  /**
   * Every application of the year in the municipalities (all when {@code tenants} is null), whoever handles them, with
   * no limit: for figures counted under the caller's own rule of who may see which municipality (the annual report),
   * never for showing applications one by one (that is {@link #list}).
   */
  public List<SubsidyApplication> ofYear(int fiscalYear, java.util.Collection<String> tenants) {
    return store.list(tenants, null, fiscalYear, Integer.MAX_VALUE);
  }

  /**
   * One page of the applications the user may see that match the search, with their count. The user's visibility is
   * part of the query, so a search never reaches another tenant's rows; the check per row stays as a second guard.
   * Text that names one of the user's municipalities chooses it (its index), instead of being looked for in every
   * visible application's number and title too: 100 ms for a secretariat at 100,000 applications (figure 3).
   */
  public Paging.Result<SubsidyApplication> search(MuniFlowUser user, ApplicationSearch search, Paging paging) {
    ApplicationStore.Visibility visible = user.isMemberOf(GroupIds.ADMINS) ? ApplicationStore.Visibility.everything()
        : new ApplicationStore.Visibility(user.tenantIds(),
            user.tenantIds().stream().filter(t -> access.isStaffOf(user, t)).toList(),
            List.copyOf(ApplicationAccess.secretariatsOf(user)));
    // a municipality the user may see, named in the search box (in kana too), chooses it, as the task list does
    List<String> textTenants = registry.matching(search.q()).stream().map(Municipality::tenantId)
        .filter(t -> visible.tenants() == null || visible.tenants().contains(t)).toList();
    Paging.Result<SubsidyApplication> found = store.search(visible, search, textTenants, paging);
    return new Paging.Result<>(found.items().stream().filter(a -> access.canSee(user, a)).toList(), found.total(), paging);
  }

  /** The application if the user may see it; not found otherwise, whether it exists or not. */
  public SubsidyApplication get(MuniFlowUser user, String id) {
    SubsidyApplication a = store.find(id).orElseThrow(() -> new NotFoundException("subsidy.not-found"));
    if (!access.canSee(user, a)) {
      throw NotFoundException.hidden(a.tenantId(), "subsidy.not-found");
    }
    return a;
  }

  /**
   * The open tasks of the application: the step it is at now. Read as the system: whoever may see the application
   * (checked before) sees where it stands, also when the task is another group's (the applicant's staff see that the
   * secretariat reviews it, without seeing the task in their list).
   */
  public List<CurrentStep> currentSteps(SubsidyApplication a) {
    List<CurrentStep> steps = new ArrayList<>();
    for (Task t : asSystem.call(() -> tasks.createTaskQuery().processInstanceId(a.processInstanceId()).list())) {
      steps.add(new CurrentStep(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getAssignee(), at(t.getCreateTime()),
          at(t.getDueDate())));
    }
    return steps;
  }

  /** Every finished step, oldest first: who, when, and for tasks the outcome and comment given. */
  public List<HistoryStep> history(SubsidyApplication a) {
    Map<String, Map<String, Object>> outcomesByTask = outcomesByTask(a.processInstanceId());
    Map<String, HistoricTaskInstance> taskByActivityInstance = new HashMap<>();
    for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(a.processInstanceId()).list()) {
      taskByActivityInstance.put(t.getActivityInstanceId(), t);
    }
    List<HistoryStep> steps = new ArrayList<>();
    for (HistoricActivityInstance ai : history.createHistoricActivityInstanceQuery()
        .processInstanceId(a.processInstanceId()).finished().list()) {
      if (!TIMELINE_TYPES.contains(ai.getActivityType()) || ai.isCanceled() && !"userTask".equals(ai.getActivityType())) {
        continue;
      }
      HistoricTaskInstance task = taskByActivityInstance.get(ai.getId());
      Map<String, Object> outcome = task == null ? Map.of() : outcomesByTask.getOrDefault(task.getId(), Map.of());
      // a substitute's decision (代決) names the absent user as the decider and the substitute beside them
      String actingFor = (String) outcome.get(TaskDecisions.ACTING_FOR);
      steps.add(new HistoryStep(ai.getActivityId(), ai.getActivityName(), ai.getActivityType(),
          actingFor != null ? actingFor : task != null ? task.getAssignee() : null, at(ai.getStartTime()), at(ai.getEndTime()),
          (String) outcome.get("decision"), (String) outcome.get("comment"), ai.isCanceled(),
          (String) outcome.get(TaskDecisions.SUBSTITUTE)));
    }
    steps.sort(Comparator.comparing(HistoryStep::endedAt, Comparator.nullsLast(Comparator.naturalOrder())));
    return steps;
  }

  /** The outcome each task kept as its own variables when it was completed (see TaskRulesInEngine). */
  private Map<String, Map<String, Object>> outcomesByTask(String processInstanceId) {
    Map<String, Map<String, Object>> byTask = new HashMap<>();
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableNameIn("decision", "comment", TaskDecisions.SUBSTITUTE, TaskDecisions.ACTING_FOR).list()) {
      if (v.getTaskId() != null) {
        byTask.computeIfAbsent(v.getTaskId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
      }
    }
    return byTask;
  }

  private static OffsetDateTime at(Date date) {
    return JapanTime.at(date);
  }

  /** An open task of the application. */
  public record CurrentStep(String taskId, String name, String taskDefinitionKey, String assignee, OffsetDateTime created,
      OffsetDateTime due) {
  }

  /**
   * A finished step of the application.
   *
   * @param who who completed it, or the absent user a substitute completed it for
   * @param substitute the substitute who completed it (代決), or null
   */
  public record HistoryStep(String step, String name, String type, String who, OffsetDateTime startedAt,
      OffsetDateTime endedAt, String outcome, String comment, boolean canceled, String substitute) {
  }
}
