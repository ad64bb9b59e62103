package jp.muniflow.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import jp.muniflow.notice.internal.NoticeTemplates;
import jp.muniflow.notice.internal.TemplateVersions;
import jp.muniflow.support.PostgresTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.ZoneId;
import javax.sql.DataSource;
import jp.muniflow.tenants.TenantRegistry;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Document numbers on PostgreSQL, where several engine nodes and job executor threads issue at once: 200 notices
 * from 8 threads for one issuer get the numbers 1 to 200, none twice and none missing; a rolled-back issue gives
 * its number back; and the database itself refuses to change or delete a stored notice.
 */
class NoticesOnPostgresIT {

  private static final String ISSUER = "chosakai";
  private static final int THREADS = 8;
  private static final int NOTICES = 200;

  private static PostgresTestServer.Database db;
  private static AnnotationConfigApplicationContext app;
  private static NoticeIssuing issuing;
  private static JdbcClient jdbc;

  @BeforeAll
  static void start() {
    db = PostgresTestServer.createDatabase("mf_notice");
    app = new AnnotationConfigApplicationContext(NoticesOnly.class);
    issuing = app.getBean(NoticeIssuing.class);
    jdbc = app.getBean(JdbcClient.class);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  /**
   * The notice feature alone, on its own PostgreSQL database with the whole schema (Liquibase's master changelog),
   * Spring's transactions and the application's beans of the feature — without the process engine and the web
   * server: a second Camunda application in the test JVM would share Camunda's JVM-wide registries with the tests'
   * application, and closing it would break that one's webapps.
   */
  @Configuration
  @EnableTransactionManagement(proxyTargetClass = true)
  @Import({NoticeConfiguration.class, NoticeIssuing.class, OwnAddress.class, jp.muniflow.platform.OneNodeAtATime.class})
  static class NoticesOnly {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource() {
      HikariDataSource ds = new HikariDataSource();
      ds.setJdbcUrl(db.url());
      ds.setUsername(db.user());
      ds.setPassword(db.password());
      // room for 8 issuing threads and the second connection that creates a new year's counter
      ds.setMaximumPoolSize(16);
      return ds;
    }

    @Bean
    SpringLiquibase liquibase(DataSource dataSource) {
      SpringLiquibase liquibase = new SpringLiquibase();
      liquibase.setDataSource(dataSource);
      liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.yaml");
      return liquibase;
    }

    @Bean
    @DependsOn("liquibase")
    JdbcClient jdbcClient(DataSource dataSource) {
      return JdbcClient.create(dataSource);
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
      return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    TenantRegistry tenantRegistry() {
      return TenantRegistry.fromClasspath();
    }

    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }

    @Bean
    NoticeProperties noticeProperties() {
      return new NoticeProperties(null, null, ZoneId.of("Asia/Tokyo"));
    }

    /** No secretariat's own key: demo keys, made at the start under PostgreSQL's advisory lock. */
    @Bean
    SealProperties sealProperties() {
      return new SealProperties(Map.of(), null, java.time.Duration.ofSeconds(10), "東京都");
    }
  }

  @Test
  void two_hundred_notices_from_eight_threads_are_numbered_1_to_200_without_gap_or_duplicate() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<Notice>>> results = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      Callable<List<Notice>> work = () -> {
        go.await();
        List<Notice> issued = new ArrayList<>();
        for (int i = 0; i < NOTICES / THREADS; i++) {
          issued.add(issuing.issue(NoticeDraft.of("subsidy.receipt", "132012", ISSUER, "八王子市長", model(thread, i))));
        }
        return issued;
      };
      results.add(pool.submit(work));
    }
    go.countDown();
    List<Notice> all = new ArrayList<>();
    for (Future<List<Notice>> f : results) {
      all.addAll(f.get());
    }
    pool.shutdown();

    assertThat(all).hasSize(NOTICES);
    assertThat(all.stream().map(Notice::documentNumber).distinct()).hasSize(NOTICES);
    List<Integer> serials = jdbc.sql("select serial from mf_notice where issuer_id = ? order by serial").param(ISSUER)
        .query(Integer.class).list();
    assertThat(serials).containsExactlyElementsOf(IntStream.rangeClosed(1, NOTICES).boxed().toList());
    // each printed number is its serial
    assertThat(jdbc.sql("select count(*) from mf_notice where issuer_id = ? and document_number like "
            + "'%東自治調第' || serial || '号'").param(ISSUER).query(Integer.class).single()).isEqualTo(NOTICES);
    assertThat(jdbc.sql("select last_number from mf_notice_counter where issuer_id = ?").param(ISSUER)
        .query(Integer.class).single()).isEqualTo(NOTICES);
  }

  @Test
  void a_rolled_back_issue_gives_its_number_back() {
    TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
    Notice first = issuing.issue(NoticeDraft.of("subsidy.receipt", "133086", "chosonkai", "奥多摩町長", model(0, 0)));
    String rolledBack = tx.execute(status -> {
      Notice n = issuing.issue(NoticeDraft.of("subsidy.receipt", "133086", "chosonkai", "奥多摩町長", model(0, 1)));
      status.setRollbackOnly();
      return n.documentNumber();
    });
    Notice next = issuing.issue(NoticeDraft.of("subsidy.receipt", "133086", "chosonkai", "奥多摩町長", model(0, 2)));

    assertThat(rolledBack).isEqualTo(serialAfter(first.documentNumber()));
    assertThat(next.documentNumber()).isEqualTo(rolledBack);
    assertThat(jdbc.sql("select count(*) from mf_notice where document_number = ?").param(rolledBack).query(Integer.class)
        .single()).isEqualTo(1);
  }

  @Test
  void the_database_refuses_to_change_or_delete_a_stored_notice() throws SQLException {
    Notice notice = issuing.issue(NoticeDraft.of("subsidy.receipt", "131016", "kyogikai", "千代田区長", model(0, 0)));
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      assertThatThrownBy(() -> st.executeUpdate("update mf_notice set subject = 'forged' where id = '" + notice.id() + "'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> st.executeUpdate("delete from mf_notice where id = '" + notice.id() + "'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> st.executeUpdate("truncate mf_notice")).hasMessageContaining("append-only");
    }
    assertThat(jdbc.sql("select subject from mf_notice where id = ?").param(notice.id()).query(String.class).single())
        .isEqualTo(notice.subject());
  }

  @Test
  void a_published_template_version_is_used_recorded_and_never_changed() throws SQLException {
    TemplateVersions versions = app.getBean(TemplateVersions.class);
    String text = new NoticeTemplates(null).effective("subsidy.receipt", "default", "ja").orElseThrow().text()
        .replace("title: 受付通知書", "title: 受付通知書（町村会）");
    TemplateVersions.Version v = versions.publish("subsidy.receipt", "chosonkai", "ja", text, "admin", java.time.Instant.now());
    Notice notice = issuing.issue(NoticeDraft.of("subsidy.receipt", "133051", "chosonkai", "日の出町長", model(0, 0)));
    assertThat(notice.templateVersion()).isEqualTo(v.label()).isEqualTo("chosonkai:v1");
    assertThat(notice.type()).isEqualTo("受付通知書（町村会）");
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      assertThatThrownBy(() -> st.executeUpdate("update mf_notice_template_version set text = 'forged'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> st.executeUpdate("delete from mf_notice_template_version")).hasMessageContaining("append-only");
      assertThatThrownBy(() -> st.executeUpdate("truncate mf_notice_template_version")).hasMessageContaining("append-only");
    }
    assertThat(versions.history("subsidy.receipt", "chosonkai", "ja")).extracting(TemplateVersions.Version::text)
        .containsExactly(text);
  }

  private static String serialAfter(String documentNumber) {
    int n = Integer.parseInt(documentNumber.replaceAll(".*第(\\d+)号", "$1"));
    return documentNumber.replaceAll("第\\d+号", "第" + (n + 1) + "号");
  }

  private static Map<String, Object> model(int thread, int i) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("applicationId", "APP-" + thread + "-" + i);
    model.put("fiscalYear", 2026);
    model.put("title", "省エネ設備更新事業");
    model.put("description", "庁舎の照明をLEDに更新する。");
    model.put("requestedAmount", 1_000_000);
    model.put("plannedStart", LocalDate.of(2026, 5, 1));
    model.put("plannedEnd", LocalDate.of(2027, 3, 31));
    model.put("submittedOn", LocalDate.of(2026, 4, 20));
    return model;
  }
}
