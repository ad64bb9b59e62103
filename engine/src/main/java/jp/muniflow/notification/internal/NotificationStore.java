package jp.muniflow.notification.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The in-app notices in {@code mf_notification}; {@code digest} is {@code PENDING} for a task mail a digest will carry. */
@Repository
public class NotificationStore {

  public static final String DIGEST_PENDING = "PENDING";
  public static final String DIGEST_SENT = "SENT";
  static final int MAX_LIST = 100;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  NotificationStore(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** A stored notice: its parameters as JSON, rendered in the viewer's language when shown. */
  public record Row(String id, String userId, String eventKey, String kind, String tenantId, String link, String params,
      Instant createdAt, Instant readAt, String digest) {
  }

  /**
   * Inserts each row unless its user already has the notice of its event, all in one batch (one round trip to the
   * database, whatever the number of users); which rows were inserted, in their order. The check and the insert are
   * one statement, so the rows of the same batch see each other.
   */
  public boolean[] insertAllIfAbsent(List<Row> rows) {
    if (rows.isEmpty()) {
      return new boolean[0];
    }
    int[] counts = batch.batchUpdate("insert into mf_notification (id, user_id, event_key, kind, tenant_id, link, params, "
            + "created_at, digest) select ?, ?, ?, ?, ?, ?, ?, cast(? as timestamp), ? where not exists "
            + "(select 1 from mf_notification where event_key = ? and user_id = ?)",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            Row row = rows.get(i);
            ps.setString(1, row.id());
            ps.setString(2, row.userId());
            ps.setString(3, row.eventKey());
            ps.setString(4, row.kind());
            ps.setString(5, row.tenantId());
            ps.setString(6, row.link());
            ps.setString(7, row.params());
            ps.setTimestamp(8, Timestamp.from(row.createdAt()));
            ps.setString(9, row.digest());
            ps.setString(10, row.eventKey());
            ps.setString(11, row.userId());
          }

          @Override
          public int getBatchSize() {
            return rows.size();
          }
        });
    boolean[] inserted = new boolean[counts.length];
    for (int i = 0; i < counts.length; i++) {
      // a driver that cannot tell the count (SUCCESS_NO_INFO) ran it: the outbox's own check keeps mail single
      inserted[i] = counts[i] != 0;
    }
    return inserted;
  }

  public List<Row> latest(String userId) {
    return jdbc.sql("select * from mf_notification where user_id = ? order by created_at desc, id desc fetch first "
        + MAX_LIST + " rows only").param(userId).query(NotificationStore::row).list();
  }

  public long unread(String userId) {
    return jdbc.sql("select count(*) from mf_notification where user_id = ? and read_at is null").param(userId)
        .query(Long.class).single();
  }

  /** Marks the user's notice as read; false if the user has no notice of this id. */
  public boolean markRead(String userId, String id, Instant at) {
    int found = jdbc.sql("select count(*) from mf_notification where id = ? and user_id = ?").params(id, userId)
        .query(Integer.class).single();
    jdbc.sql("update mf_notification set read_at = ? where id = ? and user_id = ? and read_at is null")
        .params(Timestamp.from(at), id, userId).update();
    return found > 0;
  }

  public int markAllRead(String userId, Instant at) {
    return jdbc.sql("update mf_notification set read_at = ? where user_id = ? and read_at is null")
        .params(Timestamp.from(at), userId).update();
  }

  /** The users with task notices waiting for a digest since before {@code before}. */
  public List<String> usersWithPendingDigest(Instant before) {
    return jdbc.sql("select distinct user_id from mf_notification where digest = ? and created_at < ?")
        .params(DIGEST_PENDING, Timestamp.from(before)).query(String.class).list();
  }

  /**
   * The user's notices waiting for the digest, locked: a second node composing the same digest waits here, then finds
   * them taken.
   */
  public List<Row> lockPendingDigest(String userId, Instant before) {
    return jdbc.sql("select * from mf_notification where user_id = ? and digest = ? and created_at < ? "
            + "order by created_at, id for update")
        .params(userId, DIGEST_PENDING, Timestamp.from(before)).query(NotificationStore::row).list();
  }

  public void markDigested(List<String> ids) {
    if (!ids.isEmpty()) {
      jdbc.sql("update mf_notification set digest = :digest where id in (:ids)").param("digest", DIGEST_SENT)
          .param("ids", ids).update();
    }
  }

  private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Timestamp read = rs.getTimestamp("read_at");
    return new Row(rs.getString("id"), rs.getString("user_id"), rs.getString("event_key"), rs.getString("kind"),
        rs.getString("tenant_id"), rs.getString("link"), rs.getString("params"), rs.getTimestamp("created_at").toInstant(),
        read == null ? null : read.toInstant(), rs.getString("digest"));
  }
}
