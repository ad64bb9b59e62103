package jp.muniflow.notification;

import java.time.Instant;

/**
 * A message of the mail outbox as administrators see it.
 *
 * @param status {@code QUEUED} (waiting or retrying), {@code SENT}, or {@code FAILED} (given up, or refused for good
 *     by the server)
 * @param lastError the server's (or the connection's) last answer when an attempt failed
 * @param sentBy the node that sent it
 */
public record OutboxMessage(String id, String eventKey, String kind, String recipient, String recipientUser,
    String language, String subject, String status, int attempts, Instant nextAttemptAt, String lastError,
    Instant createdAt, Instant sentAt, String sentBy) {
}
