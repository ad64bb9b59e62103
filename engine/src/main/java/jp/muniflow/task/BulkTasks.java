package jp.muniflow.task;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.platform.Problems;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.task.internal.TaskForms;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Service;

/**
 * Claims or completes several tasks of one kind at once, each in a transaction of its own: one task refused (taken by
 * someone else meanwhile, already done, its rules not met) is reported with its reason and undoes none of the others.
 * At most {@value #MAX_TASKS} tasks; all of one kind (the same process and task); a completion takes one outcome for
 * all of them, so only tasks whose form asks for nothing but a decision and a comment are completed in bulk.
 */
@Service
public class BulkTasks {

  public static final int MAX_TASKS = 100;
  /**
   * What a task's form may ask for to be completed in bulk: one decision and one comment for every task, and the
   * report review's correction deadline, which may stay empty (then 14 days from the request). A field that carries a
   * value of one application (an amount, conditions) keeps its task out of bulk.
   */
  static final Set<String> BULK_FIELDS = Set.of("decision", "comment", "reportCorrectionDeadline");

  private final MyTasks myTasks;
  private final TaskForms forms;
  private final Problems problems;

  BulkTasks(MyTasks myTasks, TaskForms forms, Problems problems) {
    this.myTasks = myTasks;
    this.forms = forms;
    this.problems = problems;
  }

  public List<Result> claim(MuniFlowUser user, List<String> taskIds) {
    Map<String, TaskView> tasks = checked(user, taskIds);
    return each(user, taskIds, tasks, id -> myTasks.claim(user, id));
  }

  public List<Result> complete(MuniFlowUser user, List<String> taskIds, Map<String, Object> outcome) {
    Map<String, TaskView> tasks = checked(user, taskIds);
    TaskView first = tasks.values().stream().findFirst().orElse(null);
    if (first != null && !completableInBulk(first.taskDefinitionKey())) {
      throw BusinessRuleException.unprocessable("task.bulk.not-completable");
    }
    Map<String, Object> same = Map.copyOf(outcome);
    return each(user, taskIds, tasks, id -> myTasks.complete(user, id, same));
  }

  /** Whether the tasks of this kind may be completed in bulk: their form asks for a decision and a comment, no more. */
  public boolean completableInBulk(String taskDefinitionKey) {
    return forms.of(taskDefinitionKey).map(f -> f.fields().stream().anyMatch(field -> field.key().equals("decision"))
        && f.fields().stream().allMatch(field -> BULK_FIELDS.contains(field.key()))
        && f.fields().stream().noneMatch(field -> field.required() && !field.key().equals("decision")
            && !field.key().equals("comment"))).orElse(false);
  }

  /**
   * The request's own checks, before any task changes: 1 to 100 distinct ids; the tasks the user may see all of one
   * kind. A task the user cannot see is not a reason to refuse the rest: it is reported as not found.
   */
  private Map<String, TaskView> checked(MuniFlowUser user, List<String> taskIds) {
    if (taskIds == null || taskIds.isEmpty()) {
      throw InvalidInputException.of("taskIds", "input.required");
    }
    if (taskIds.size() > MAX_TASKS) {
      throw InvalidInputException.of("taskIds", "task.bulk.too-many", MAX_TASKS);
    }
    if (new HashSet<>(taskIds).size() != taskIds.size() || taskIds.stream().anyMatch(id -> id == null || id.isBlank())) {
      throw InvalidInputException.of("taskIds", "task.bulk.duplicates");
    }
    Map<String, TaskView> found = new LinkedHashMap<>();
    for (String id : taskIds) {
      try {
        found.put(id, myTasks.get(user, id));
      } catch (NotFoundException e) {
        // reported with the results
      }
    }
    long kinds = found.values().stream().map(t -> t.processDefinitionKey() + "/" + t.taskDefinitionKey()).distinct().count();
    if (kinds > 1) {
      throw BusinessRuleException.unprocessable("task.bulk.mixed-kinds");
    }
    return found;
  }

  /** Not the user's (any more): taken meanwhile by someone else of their groups, or done, or never theirs. */
  private Result notFound(MuniFlowUser user, String id, String businessKey) {
    return myTasks.takenByAnother(user, id)
        .map(t -> Result.refused(id, t.businessKey(), "task.already-claimed", problems.message("task.already-claimed")))
        .orElseGet(() -> Result.refused(id, businessKey, "task.not-found", problems.message("task.not-found")));
  }

  private List<Result> each(MuniFlowUser user, List<String> taskIds, Map<String, TaskView> tasks,
      java.util.function.Consumer<String> action) {
    List<Result> results = new ArrayList<>();
    for (String id : taskIds) {
      TaskView task = tasks.get(id);
      if (task == null) {
        results.add(notFound(user, id, null));
        continue;
      }
      try {
        action.accept(id);
        results.add(new Result(id, task.businessKey(), Result.DONE, null, null));
      } catch (NotFoundException e) {
        results.add(notFound(user, id, task.businessKey()));
      } catch (BusinessRuleException e) {
        results.add(Result.refused(id, task.businessKey(), e.messageKey(), problems.message(e.messageKey(), e.args())));
      } catch (InvalidInputException e) {
        String reasons = String.join(" ", e.problems().stream()
            .map(p -> p.field() + ": " + problems.message(p.messageKey(), p.args())).toList());
        results.add(Result.refused(id, task.businessKey(), "problem.validation.detail", reasons));
      } catch (OptimisticLockingException e) {
        // two people on the same task at the same moment: the other one's change stands
        results.add(Result.refused(id, task.businessKey(), "task.bulk.changed-meanwhile",
            problems.message("task.bulk.changed-meanwhile")));
      } catch (ProcessEngineException e) {
        results.add(Result.refused(id, task.businessKey(), "task.bulk.changed-meanwhile",
            problems.message("task.bulk.changed-meanwhile")));
      }
    }
    return results;
  }

  /**
   * One task's result.
   *
   * @param status {@code done} or {@code refused}
   * @param reasonKey the message key of the refusal, for clients that act on it; null when done
   * @param reason the refusal in the request's language; null when done
   */
  public record Result(String taskId, String businessKey, String status, String reasonKey, String reason) {

    public static final String DONE = "done";
    public static final String REFUSED = "refused";

    static Result refused(String taskId, String businessKey, String key, String reason) {
      return new Result(taskId, businessKey, REFUSED, key, reason);
    }
  }
}
