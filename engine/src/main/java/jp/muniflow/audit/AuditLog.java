package jp.muniflow.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit log: who did what, when, in which tenant. Append-only; it records identifiers and outcomes, never
 * passwords, form contents or other personal data.
 */
@Component
public class AuditLog {

  private static final int MAX_TEXT = 2000;

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void record(String actor, String action, String tenantId, String target, String details) {
    jdbc.sql("insert into mf_audit_event (occurred_at, actor, action, tenant_id, target, details) values (?, ?, ?, ?, ?, ?)")
        .params(Timestamp.from(Instant.now(clock)), clip(actor, 64), clip(action, 64), clip(tenantId, 64),
            clip(target, 255), clip(details, MAX_TEXT))
        .update();
  }

  /** The newest events first. */
  public List<AuditEvent> latest(int limit) {
    return jdbc.sql("select id, occurred_at, actor, action, tenant_id, target, details from mf_audit_event order by id desc")
        .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
            rs.getString("action"), rs.getString("tenant_id"), rs.getString("target"), rs.getString("details")))
        .list().stream().limit(limit).toList();
  }

  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
