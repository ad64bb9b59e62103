package jp.muniflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import jp.muniflow.MuniFlowApplication;
import jp.muniflow.support.PostgresTestServer;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An empty PostgreSQL database reaches Camunda 7.24's schema and MuniFlow's tables through Liquibase alone, and a
 * second start changes nothing. Runs without the demo profile: no demo user may appear, the initial administrator
 * of the configuration does.
 */
class SchemaOnPostgresIT {

  @Test
  void liquibase_alone_builds_the_schema_and_a_second_start_changes_nothing() throws Exception {
    PostgresTestServer.Database db = PostgresTestServer.createDatabase("mf_schema");
    assertThat(tables(db)).isEmpty();

    try (ConfigurableApplicationContext app = start(db)) {
      assertThat(app.getBean(IdentityService.class).createUserQuery().userId("staff-131016").count())
          .as("no demo user without the demo profile").isZero();
      assertThat(app.getBean(IdentityService.class).createUserQuery().memberOfGroup("admins").list())
          .extracting("id").containsExactly("root");
    }
    List<String> tables = tables(db);
    assertThat(tables).contains("act_ru_task", "act_hi_procinst", "act_id_user", "act_re_decision_def",
        "mf_audit_event", "databasechangelog", "databasechangeloglock");
    assertThat(single(db, "select version_ from act_ge_schema_log order by cast(id_ as integer) desc limit 1"))
        .isEqualTo("7.24.0");
    String changesetsAfterFirstStart = single(db, "select count(*) || '/' || max(orderexecuted) from databasechangelog");
    assertThat(single(db, "select count(*) from databasechangelog where filename like '%camunda-changelog.xml'"))
        .isNotEqualTo("0");

    try (ConfigurableApplicationContext app = start(db)) {
      assertThat(app.isRunning()).isTrue();
    }
    assertThat(single(db, "select count(*) || '/' || max(orderexecuted) from databasechangelog"))
        .as("the second start ran no changeset").isEqualTo(changesetsAfterFirstStart);
    assertThat(tables(db)).isEqualTo(tables);
  }

  private static ConfigurableApplicationContext start(PostgresTestServer.Database db) {
    return new SpringApplicationBuilder(MuniFlowApplication.class).run(
        "--server.port=0",
        "--spring.datasource.url=" + db.url(),
        "--spring.datasource.username=" + db.user(),
        "--spring.datasource.password=" + db.password(),
        "--muniflow.engine.bcrypt-strength=4",
        "--muniflow.users.initial-admin.username=root",
        "--muniflow.users.initial-admin.password=Sch3ma-Test!Pass",
        "--logging.level.root=warn");
  }

  private static List<String> tables(PostgresTestServer.Database db) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = db.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select table_name from information_schema.tables where table_schema = 'public' order by 1")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private static String single(PostgresTestServer.Database db, String sql) throws SQLException {
    try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
