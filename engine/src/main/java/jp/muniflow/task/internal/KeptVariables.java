package jp.muniflow.task.internal;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.muniflow.task.TaskCompletionCheck;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Which variables of MuniFlow's processes MuniFlow keeps, and which of them a task's completion may write. */
@Component
class KeptVariables {

  private final ObjectProvider<TaskCompletionCheck> checks;

  KeptVariables(ObjectProvider<TaskCompletionCheck> checks) {
    this.checks = checks;
  }

  boolean keepsProcess(String processDefinitionKey) {
    return processDefinitionKey != null
        && checks.orderedStream().anyMatch(c -> c.processDefinitionKey().equals(processDefinitionKey));
  }

  boolean isKept(String processDefinitionKey, String variable) {
    return processDefinitionKey != null && checks.orderedStream()
        .anyMatch(c -> c.processDefinitionKey().equals(processDefinitionKey) && c.keptVariables().contains(variable));
  }

  /** The outcome a task of that process takes when it completes; empty for a task without rules. */
  Set<String> outcomeOf(String processDefinitionKey, String taskDefinitionKey) {
    return TaskCompletionCheck.find(checks.orderedStream().toList(), processDefinitionKey, taskDefinitionKey)
        .map(c -> c.outcomeVariables(taskDefinitionKey)).orElse(Set.of());
  }

  /** Those of the names that any of the processes keeps: for a request whose target processes are not known yet. */
  Set<String> keptByAny(Set<String> names) {
    return names.stream().filter(name -> checks.orderedStream().anyMatch(c -> c.keptVariables().contains(name)))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
