package jp.muniflow.task;

import java.util.Map;
import java.util.Optional;

/**
 * The rules of a process's tasks: which outcome variables a task needs and which values they may take. Each process
 * contributes one for its tasks. A refusal throws {@code InvalidInputException} (400) or {@code BusinessRuleException}
 * (422/409) and changes nothing.
 */
public interface TaskCompletionCheck {

  /** Whether this check knows the task. */
  boolean supports(String processDefinitionKey, String taskDefinitionKey);

  /** The outcome variables a task of this check takes (what its form asks for). */
  java.util.Set<String> outcomeVariables(String taskDefinitionKey);

  /** The process whose tasks this check knows. */
  String processDefinitionKey();

  /**
   * The variables of the process that MuniFlow keeps: outside MuniFlow (Camunda's REST API, its webapps) only a task's
   * completion may write them, and only its own outcome.
   */
  java.util.Set<String> keptVariables();

  /**
   * Checks the outcome of a task and returns it normalised (amounts as whole yen in {@code Long}, texts in NFC), the
   * way it will be stored.
   *
   * @param task what is known of the task
   * @param outcome the variables sent to complete it
   */
  Map<String, Object> check(TaskFacts task, Map<String, Object> outcome);

  /** What a check may need to know of the task it checks. */
  record TaskFacts(String processDefinitionKey, String taskDefinitionKey, String processInstanceId, String businessKey,
      String tenantId) {
  }

  static Optional<TaskCompletionCheck> find(Iterable<TaskCompletionCheck> checks, String processKey, String taskKey) {
    for (TaskCompletionCheck c : checks) {
      if (c.supports(processKey, taskKey)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
