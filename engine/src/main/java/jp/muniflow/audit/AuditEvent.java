package jp.muniflow.audit;

import java.time.Instant;

/** One line of the audit log. */
public record AuditEvent(long id, Instant occurredAt, String actor, String action, String tenantId, String target, String details) {
}
