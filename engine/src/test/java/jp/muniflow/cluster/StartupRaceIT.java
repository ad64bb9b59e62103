package jp.muniflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import jp.muniflow.support.NodeProcess;
import jp.muniflow.support.PostgresTestServer;
import org.junit.jupiter.api.Test;

/**
 * Two nodes started at the same moment on an empty PostgreSQL database: Liquibase migrates once (its lock makes the
 * second wait), provisioning, the shared deployment and the demo seal keys happen once, and both nodes come up.
 */
class StartupRaceIT {

  @Test
  void two_nodes_started_at_once_on_an_empty_database_both_come_up() throws Exception {
    PostgresTestServer.Database db = PostgresTestServer.createDatabase("mf_race");
    Map<String, String> settings = Map.of(
        "muniflow.users.initial-admin.username", "mf-admin",
        "muniflow.users.initial-admin.password", "Race-Adm1n!pass");
    try (NodeProcess a = NodeProcess.on("race-a", db, settings); NodeProcess b = NodeProcess.on("race-b", db, settings)) {
      a.start();
      b.start();
      a.awaitHealthy(Duration.ofSeconds(180));
      b.awaitHealthy(Duration.ofSeconds(180));

      try (Connection c = db.connect(); Statement st = c.createStatement()) {
        assertThat(single(st, "select count(*) from databasechangelog")).isPositive()
            .isEqualTo(single(st, "select count(distinct id || '/' || author || '/' || filename) from databasechangelog"));
        assertThat(single(st, "select count(*) from databasechangelog where exectype <> 'EXECUTED'")).isZero();
        assertThat(single(st, "select count(*) from databasechangeloglock where locked")).isZero();
        assertThat(single(st, "select count(*) from act_id_tenant")).isEqualTo(62);
        assertThat(single(st, "select count(*) from act_id_group")).isEqualTo(62 + 10 + 2);
        assertThat(single(st, "select count(*) from act_id_membership m join act_id_user u on u.id_ = m.user_id_ "
            + "where m.group_id_ = 'admins'")).isEqualTo(1);
        assertThat(single(st, "select count(*) from act_re_deployment where name_ = 'muniflow-shared-models'")).isEqualTo(1);
        assertThat(single(st, "select count(*) from act_re_procdef where key_ = 'subsidyReview'")).isEqualTo(1);
        // one demo seal authority and one seal key per secretariat, made by one of the two nodes: both sign alike
        assertThat(single(st, "select count(*) from mf_seal_key")).isEqualTo(1 + 5);
      }
      assertThat(a.isAlive()).isTrue();
      assertThat(b.isAlive()).isTrue();
    }
  }

  private static long single(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
