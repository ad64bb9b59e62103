package jp.muniflow.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.platform.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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

  /** An event with the files it concerns (a deployment and the SHA-256 of each of its resources). */
  public long record(String actor, String action, String tenantId, String target, String details,
      List<AuditResource> resources) {
    var key = new GeneratedKeyHolder();
    jdbc.sql("insert into mf_audit_event (occurred_at, actor, action, tenant_id, target, details) values (?, ?, ?, ?, ?, ?)")
        .params(Timestamp.from(Instant.now(clock)), clip(actor, 64), clip(action, 64), clip(tenantId, 64),
            clip(target, 255), clip(details, MAX_TEXT))
        .update(key, "id");
    long id = key.getKeyAs(Number.class).longValue();
    for (AuditResource resource : resources) {
      jdbc.sql("insert into mf_audit_resource (event_id, name, sha256) values (?, ?, ?)")
          .params(id, clip(resource.name(), 255), resource.sha256())
          .update();
    }
    return id;
  }

  /** The newest events of the given actions first, at most {@code limit}. */
  public List<AuditEvent> latest(int limit, Collection<String> actions) {
    return jdbc.sql("select id, occurred_at, actor, action, tenant_id, target, details from mf_audit_event"
            + " where action in (:actions) order by id desc fetch first :limit rows only")
        .param("actions", actions).param("limit", limit)
        .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
            rs.getString("action"), rs.getString("tenant_id"), rs.getString("target"), rs.getString("details")))
        .list();
  }

  /**
   * One page of the events of the given actions, newest first, with their count: searched by a piece of the actor,
   * the target or the details, or by the tenant (the municipalities a search by name found).
   */
  public Paging.Result<AuditEvent> search(Collection<String> actions, String text, Collection<String> textTenants,
      Paging paging) {
    StringBuilder where = new StringBuilder(" where action in (:actions)");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("actions", actions);
    if (text != null && !text.isBlank()) {
      params.put("like", "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
          .replace("%", "\\%").replace("_", "\\_") + "%");
      where.append(" and (lower(actor) like :like escape '\\' or lower(target) like :like escape '\\'"
          + " or lower(details) like :like escape '\\' or lower(tenant_id) like :like escape '\\'");
      if (!textTenants.isEmpty()) {
        where.append(" or tenant_id in (:textTenants)");
        params.put("textTenants", textTenants);
      }
      where.append(")");
    }
    long total = jdbc.sql("select count(*) from mf_audit_event" + where).params(params).query(Long.class).single();
    List<AuditEvent> page = total == 0 ? List.of() : jdbc.sql("select id, occurred_at, actor, action, tenant_id, target,"
            + " details from mf_audit_event" + where + " order by id desc offset " + paging.offset() + " rows fetch next "
            + paging.size() + " rows only")
        .params(params)
        .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
            rs.getString("action"), rs.getString("tenant_id"), rs.getString("target"), rs.getString("details")))
        .list();
    return new Paging.Result<>(page, total, paging);
  }

  /** The files recorded with each of the given events. */
  public Map<Long, List<AuditResource>> resourcesOf(Collection<Long> eventIds) {
    Map<Long, List<AuditResource>> byEvent = new LinkedHashMap<>();
    if (eventIds.isEmpty()) {
      return byEvent;
    }
    jdbc.sql("select event_id, name, sha256 from mf_audit_resource where event_id in (:ids) order by id")
        .param("ids", eventIds)
        .query(rs -> {
          byEvent.computeIfAbsent(rs.getLong("event_id"), k -> new java.util.ArrayList<>())
              .add(new AuditResource(rs.getString("name"), rs.getString("sha256")));
        });
    return byEvent;
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
