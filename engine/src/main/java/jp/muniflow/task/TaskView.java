package jp.muniflow.task;

import java.time.OffsetDateTime;

/** An open task as the API shows it: what it is, where it belongs, and who has it. */
public record TaskView(
    String id,
    String name,
    String taskDefinitionKey,
    String tenantId,
    String processDefinitionKey,
    String businessKey,
    OffsetDateTime created,
    OffsetDateTime due,
    String assignee) {
}
