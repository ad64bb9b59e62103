package jp.muniflow.task;

import java.util.List;

/**
 * A user task was created: offered to its candidate groups and users, or given to its assignee. Published inside the
 * engine's transaction that creates it, so a listener's writes commit or roll back with the task.
 *
 * @param assignee the assignee the model gives it at creation, or null
 * @param due its due date as {@code yyyy-MM-dd} in Japan, or null
 */
public record TaskOffered(String taskId, String taskName, String taskDefinitionKey, String processDefinitionKey,
    String tenantId, String businessKey, String assignee, List<String> candidateGroups, List<String> candidateUsers,
    String due) {

  public TaskOffered {
    candidateGroups = List.copyOf(candidateGroups);
    candidateUsers = List.copyOf(candidateUsers);
  }
}
