package jp.muniflow.notification.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.muniflow.notification.OutboxMessage;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mail outbox in {@code mf_mail_outbox}. A row is one message to one address, its key the event's and the
 * address's; its status moves from {@code QUEUED} to {@code SENT}, or to {@code FAILED} for an administrator to resend.
 */
@Repository
public class OutboxStore {

  public static final String QUEUED = "QUEUED";
  public static final String SENT = "SENT";
  public static final String FAILED = "FAILED";
  private static final int MAX_ERROR = 2000;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  OutboxStore(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** A message as it is sent. */
  public record Mail(String id, String recipient, String subject, String text, String html, int attempts) {
  }

  /** A message to queue: one event's mail to one address. */
  public record Queued(String id, String eventKey, String kind, String recipient, String recipientUser, String tenantId,
      String language, RenderedMail mail, Instant at) {
  }

  /** Queues a message unless this event's message to this address exists already; true if queued. */
  public boolean queueIfAbsent(String id, String eventKey, String kind, String recipient, String recipientUser,
      String tenantId, String language, RenderedMail mail, Instant now) {
    return queueAllIfAbsent(List.of(new Queued(id, eventKey, kind, recipient, recipientUser, tenantId, language, mail,
        now))) == 1;
  }

  /**
   * Queues each message unless its event's message to its address exists already, all in one batch (one round trip
   * to the database); the messages of one batch see each other, so two users who share an address get one message.
   *
   * @return how many were queued
   */
  public int queueAllIfAbsent(List<Queued> messages) {
    if (messages.isEmpty()) {
      return 0;
    }
    int[] counts = batch.batchUpdate("insert into mf_mail_outbox (id, event_key, kind, recipient, recipient_user, "
            + "tenant_id, language, subject, body_text, body_html, status, attempts, next_attempt_at, created_at) "
            + "select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, cast(? as timestamp), cast(? as timestamp) where not exists "
            + "(select 1 from mf_mail_outbox where event_key = ? and recipient = ?)",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            Queued m = messages.get(i);
            String eventKey = clip(m.eventKey(), 200);
            ps.setString(1, m.id());
            ps.setString(2, eventKey);
            ps.setString(3, m.kind());
            ps.setString(4, m.recipient());
            ps.setString(5, m.recipientUser());
            ps.setString(6, m.tenantId());
            ps.setString(7, m.language());
            ps.setString(8, clip(m.mail().subject(), 500));
            ps.setString(9, m.mail().text());
            ps.setString(10, m.mail().html());
            ps.setString(11, QUEUED);
            ps.setTimestamp(12, Timestamp.from(m.at()));
            ps.setTimestamp(13, Timestamp.from(m.at()));
            ps.setString(14, eventKey);
            ps.setString(15, m.recipient());
          }

          @Override
          public int getBatchSize() {
            return messages.size();
          }
        });
    int queued = 0;
    for (int count : counts) {
      // SUCCESS_NO_INFO (a driver that cannot tell) counts as queued: the sender is woken for nothing at worst
      queued += count == 0 ? 0 : 1;
    }
    return queued;
  }

  /**
   * The next message due, locked until the caller's transaction ends; messages another node holds are skipped, so two
   * nodes never send the same one. A node that dies mid-send gives its lock back with its connection.
   */
  public Optional<Mail> lockNextDue(Instant now) {
    return jdbc.sql("select id, recipient, subject, body_text, body_html, attempts from mf_mail_outbox "
            + "where status = ? and next_attempt_at <= ? order by next_attempt_at, id fetch first 1 rows only "
            + "for update skip locked")
        .params(QUEUED, Timestamp.from(now))
        .query((rs, n) -> new Mail(rs.getString("id"), rs.getString("recipient"), rs.getString("subject"),
            rs.getString("body_text"), rs.getString("body_html"), rs.getInt("attempts")))
        .optional();
  }

  public void markSent(String id, Instant at, String node) {
    jdbc.sql("update mf_mail_outbox set status = ?, sent_at = ?, sent_by = ?, attempts = attempts + 1 where id = ?")
        .params(SENT, Timestamp.from(at), node, id).update();
  }

  public void markRetry(String id, Instant next, String error) {
    jdbc.sql("update mf_mail_outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?")
        .params(Timestamp.from(next), clip(error, MAX_ERROR), id).update();
  }

  public void markFailed(String id, String error) {
    jdbc.sql("update mf_mail_outbox set status = ?, attempts = attempts + 1, last_error = ? where id = ?")
        .params(FAILED, clip(error, MAX_ERROR), id).update();
  }

  /** Queues a failed message again with a fresh count of attempts; false if it is not failed (or does not exist). */
  public boolean requeueFailed(String id, Instant now) {
    return jdbc.sql("update mf_mail_outbox set status = ?, attempts = 0, next_attempt_at = ? where id = ? and status = ?")
        .params(QUEUED, Timestamp.from(now), id, FAILED).update() == 1;
  }

  public Optional<OutboxMessage> find(String id) {
    return jdbc.sql("select * from mf_mail_outbox where id = ?").param(id).query(OutboxStore::message).optional();
  }

  /** The newest messages first, of one status or all. */
  public List<OutboxMessage> latest(String status, int limit) {
    return status == null
        ? jdbc.sql("select * from mf_mail_outbox order by created_at desc, id fetch first " + limit + " rows only")
            .query(OutboxStore::message).list()
        : jdbc.sql("select * from mf_mail_outbox where status = ? order by created_at desc, id fetch first " + limit
            + " rows only").param(status).query(OutboxStore::message).list();
  }

  public long count(String status) {
    return jdbc.sql("select count(*) from mf_mail_outbox where status = ?").param(status).query(Long.class).single();
  }

  private static OutboxMessage message(ResultSet rs, int n) throws SQLException {
    Timestamp sent = rs.getTimestamp("sent_at");
    return new OutboxMessage(rs.getString("id"), rs.getString("event_key"), rs.getString("kind"), rs.getString("recipient"),
        rs.getString("recipient_user"), rs.getString("language"), rs.getString("subject"), rs.getString("status"),
        rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
        rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant(), rs.getString("sent_by"));
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
