package jp.muniflow.task;

import java.util.Map;
import java.util.Set;
import jp.muniflow.platform.FieldChecks;

/**
 * The part every process's task rules share: the tasks of one process, each with the outcome variables it takes,
 * and the refusal of any other variable. A process's rules extend it and check the values.
 */
public abstract class OutcomeRules implements TaskCompletionCheck {

  private final String processDefinitionKey;
  private final Set<String> kept;
  private final Map<String, Set<String>> allowed;

  /**
   * @param processDefinitionKey the process whose tasks these rules check
   * @param kept every variable of the process that MuniFlow keeps (its variables class's {@code ALL})
   * @param allowed for each task key, the outcome variables it takes
   */
  protected OutcomeRules(String processDefinitionKey, Set<String> kept, Map<String, Set<String>> allowed) {
    this.processDefinitionKey = processDefinitionKey;
    this.kept = Set.copyOf(kept);
    this.allowed = Map.copyOf(allowed);
  }

  @Override
  public final String processDefinitionKey() {
    return processDefinitionKey;
  }

  @Override
  public final Set<String> keptVariables() {
    return kept;
  }

  @Override
  public final boolean supports(String processDefinitionKey, String taskDefinitionKey) {
    return this.processDefinitionKey.equals(processDefinitionKey) && allowed.containsKey(taskDefinitionKey);
  }

  @Override
  public final Set<String> outcomeVariables(String taskDefinitionKey) {
    return allowed.getOrDefault(taskDefinitionKey, Set.of());
  }

  /** The checks of an outcome, started with a refusal of each variable the task does not take. */
  protected final FieldChecks checksOf(TaskFacts task, Map<String, Object> outcome) {
    FieldChecks checks = new FieldChecks();
    Set<String> taken = outcomeVariables(task.taskDefinitionKey());
    outcome.keySet().stream().filter(k -> !taken.contains(k)).sorted().forEach(k -> checks.add(k, "task.unknown-variable"));
    return checks;
  }
}
