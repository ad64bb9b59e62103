package jp.muniflow.retention.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code mf_legal_hold}: one per application on hold. */
@Repository
class HeldApplications {

  record Hold(String applicationId, String tenantId, String reason, String heldBy, Instant heldAt) {
  }

  private final JdbcClient jdbc;

  HeldApplications(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Hold> find(String applicationId) {
    return jdbc.sql("select application_id, tenant_id, reason, held_by, held_at from mf_legal_hold where application_id = ?")
        .param(applicationId)
        .query((rs, n) -> new Hold(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant()))
        .optional();
  }

  boolean isHeld(String applicationId) {
    return jdbc.sql("select count(*) from mf_legal_hold where application_id = ?").param(applicationId)
        .query(Integer.class).single() > 0;
  }

  List<String> all() {
    return jdbc.sql("select application_id from mf_legal_hold order by application_id").query(String.class).list();
  }

  void insert(Hold hold) {
    jdbc.sql("insert into mf_legal_hold (application_id, tenant_id, reason, held_by, held_at) values (?, ?, ?, ?, ?)")
        .params(hold.applicationId(), hold.tenantId(), hold.reason(), hold.heldBy(), Timestamp.from(hold.heldAt()))
        .update();
  }

  boolean delete(String applicationId) {
    return jdbc.sql("delete from mf_legal_hold where application_id = ?").param(applicationId).update() > 0;
  }
}
