package jp.muniflow.task;

import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/**
 * Checks the outcome variables of a task before it completes. Each process contributes one for its tasks and
 * ignores the others; a refusal throws a {@code BusinessRuleException} or a validation error and changes nothing.
 */
public interface TaskCompletionCheck {

  void check(Task task, Map<String, Object> variables);
}
