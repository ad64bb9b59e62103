package jp.muniflow.task;

import java.time.OffsetDateTime;

/**
 * An open task as the API shows it: what it is, where it belongs, and who has it.
 *
 * @param onBehalfOf the absent user whose task this is, when the caller sees it as their substitute (代決); else null
 */
public record TaskView(
    String id,
    String name,
    String taskDefinitionKey,
    String tenantId,
    String processDefinitionKey,
    String businessKey,
    OffsetDateTime created,
    OffsetDateTime due,
    String assignee,
    String onBehalfOf) {
}
