package jp.muniflow.task.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.muniflow.engineadapter.UserTaskHooks;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.Problems;
import jp.muniflow.task.TaskCompletionCheck;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The task rules hold on every path, not only MuniFlow's API: completing a task through Camunda's REST API or
 * Tasklist runs the same {@link TaskCompletionCheck} inside the engine and is refused (400) the same way.
 *
 * <p>Every user task that has rules gets two listeners inside the engine ({@link UserTaskHooks}): at creation the outcome
 * variables of the previous task ({@code decision}, {@code comment}) are removed, so a task cannot complete on an
 * earlier task's decision; at completion its outcome is checked and stored normalised.
 */
@Component
class TaskRulesInEngine implements UserTaskHooks {

  /** Outcome variables that belong to one task only. */
  static final Set<String> PER_TASK_OUTCOME = Set.of("decision", "comment");

  private final ObjectProvider<TaskCompletionCheck> checks;
  private final ObjectProvider<Problems> problems;

  TaskRulesInEngine(ObjectProvider<TaskCompletionCheck> checks, ObjectProvider<Problems> problems) {
    this.checks = checks;
    this.problems = problems;
  }

  @Override
  public boolean appliesTo(String processDefinitionKey, String taskDefinitionKey) {
    return find(processDefinitionKey, taskDefinitionKey) != null;
  }

  @Override
  public void created(String processDefinitionKey, DelegateTask task) {
    forgetPreviousOutcome(task);
  }

  @Override
  public void completing(String processDefinitionKey, DelegateTask task) {
    check(processDefinitionKey, task);
  }

  /**
   * Blanks, rather than removes, so that a variable local to a scope (each review of a multi-instance) stays local and
   * the parallel reviews never write the same process variable.
   */
  private static void forgetPreviousOutcome(DelegateTask task) {
    for (String name : PER_TASK_OUTCOME) {
      if (task.getExecution().hasVariable(name)) {
        task.getExecution().setVariable(name, null);
      }
    }
  }

  private void check(String processKey, DelegateTask task) {
    TaskCompletionCheck check = find(processKey, task.getTaskDefinitionKey());
    var facts = new TaskCompletionCheck.TaskFacts(processKey, task.getTaskDefinitionKey(), task.getProcessInstanceId(),
        task.getExecution().getProcessBusinessKey(), task.getTenantId());
    try {
      Map<String, Object> clean = check.check(facts, outcomeOf(check, facts, task));
      clean.forEach((name, value) -> task.getExecution().setVariable(name, value));
      // the task's own copy of its outcome stays in the history with the task's id: an application's timeline shows
      // who decided what, after later tasks have overwritten the process variables
      clean.forEach((name, value) -> {
        if (PER_TASK_OUTCOME.contains(name)) {
          task.setVariableLocal(name, value);
        }
      });
    } catch (InvalidInputException e) {
      throw new BadUserRequestException(describe(e));
    } catch (BusinessRuleException e) {
      throw new BadUserRequestException(problems.getObject().message(e.messageKey(), e.args()));
    }
  }

  /**
   * The variables the task's form asks for, and only those are read: the process holds others, which are not this
   * task's outcome, and reading one that cannot be read (an object of a refused type, written before the types were
   * checked) must not stop the completion.
   */
  private static Map<String, Object> outcomeOf(TaskCompletionCheck check, TaskCompletionCheck.TaskFacts facts,
      DelegateTask task) {
    Map<String, Object> outcome = new LinkedHashMap<>();
    for (String name : check.outcomeVariables(facts.taskDefinitionKey())) {
      if (task.getExecution().hasVariable(name)) {
        outcome.put(name, task.getExecution().getVariable(name));
      }
    }
    return outcome;
  }

  private String describe(InvalidInputException e) {
    List<String> parts = new ArrayList<>();
    for (var p : e.problems()) {
      parts.add(p.field() + ": " + problems.getObject().message(p.messageKey(), p.args()));
    }
    return String.join("; ", parts);
  }

  private TaskCompletionCheck find(String processKey, String taskKey) {
    return TaskCompletionCheck.find(checks.orderedStream().toList(), processKey, taskKey).orElse(null);
  }
}
