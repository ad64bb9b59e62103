package jp.muniflow.task;

/**
 * A task was given to {@code assignee} by someone else ({@code actor}; null: the system): a hand-over, not the
 * assignee's own claim. Published inside the engine's transaction that assigns it.
 */
public record TaskAssigned(String taskId, String taskName, String taskDefinitionKey, String processDefinitionKey,
    String tenantId, String businessKey, String assignee, String actor, String due) {
}
