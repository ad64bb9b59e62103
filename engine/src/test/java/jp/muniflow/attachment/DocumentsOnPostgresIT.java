package jp.muniflow.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import jp.muniflow.attachment.internal.Attachments;
import jp.muniflow.support.PostgresTestServer;
import jp.muniflow.support.TestFiles;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.util.unit.DataSize;

/**
 * Documents on PostgreSQL: a file of the largest size goes in and comes out a chunk at a time with the same SHA-256;
 * a staged file can be removed, but the database itself refuses to change, delete or truncate the record's rows and
 * chunks, whatever code path would try.
 */
class DocumentsOnPostgresIT {

  private static PostgresTestServer.Database db;
  private static AnnotationConfigApplicationContext app;
  private static Documents documents;
  private static JdbcClient jdbc;

  @BeforeAll
  static void start() {
    db = PostgresTestServer.createDatabase("mf_attachment");
    app = new AnnotationConfigApplicationContext(DocumentsOnly.class);
    documents = app.getBean(Documents.class);
    jdbc = app.getBean(JdbcClient.class);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  /** The attachment feature alone on its own database with the whole schema; no engine, no web server. */
  @Configuration
  @EnableTransactionManagement(proxyTargetClass = true)
  @Import({Documents.class, Attachments.class, jp.muniflow.platform.RecordDisposal.class})
  static class DocumentsOnly {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource() {
      HikariDataSource ds = new HikariDataSource();
      ds.setJdbcUrl(db.url());
      ds.setUsername(db.user());
      ds.setPassword(db.password());
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
    AttachmentProperties attachmentProperties() {
      return new AttachmentProperties(DataSize.ofMegabytes(20), DataSize.ofMegabytes(100));
    }

    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  private static final DocumentRequirement SCAN = new DocumentRequirement("scan", "スキャン", "Scan", true,
      List.of(FileType.PDF), 2);

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void the_largest_file_goes_in_and_out_in_chunks_with_its_sha256() throws Exception {
    byte[] scan = TestFiles.largePdf((int) DataSize.ofMegabytes(20).toBytes());
    Documents.Staging staged = documents.stage("test:large", "131016", SCAN, new Upload("スキャン.pdf", scan.length,
        () -> new java.io.ByteArrayInputStream(scan)), "staff-131016", "documents.scan");
    assertThat(staged.refused()).as(String.valueOf(staged.refusal())).isFalse();
    assertThat(staged.document().sha256()).isEqualTo(sha256(scan));
    assertThat(jdbc.sql("select count(*) from mf_attachment_draft_chunk where draft_id = ?").param(staged.document().id())
        .query(Long.class).single()).isEqualTo(80L);

    StoredDocument stored = documents.commit("test:large", "2026-131016-901", "131016", "application", false, "staff-131016")
        .get(0);
    assertThat(jdbc.sql("select count(*) from mf_attachment_draft_chunk").query(Long.class).single())
        .as("the staged copy is gone once recorded").isZero();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    documents.copyTo(stored, out);
    assertThat(sha256(out.toByteArray())).isEqualTo(stored.sha256()).isEqualTo(sha256(scan));
    assertThat(stored.size()).isEqualTo(scan.length);
  }

  @Test
  void a_staged_file_may_be_removed_but_the_record_cannot_be_changed_deleted_or_truncated() {
    byte[] pdf = TestFiles.pdf("receipt");
    Documents.Staging first = documents.stage("test:immutable", "131016", SCAN,
        new Upload("a.pdf", pdf.length, () -> new java.io.ByteArrayInputStream(pdf)), "staff-131016", "documents.scan");
    assertThat(documents.unstage("test:immutable", first.document().id())).isTrue();
    documents.stage("test:immutable", "131016", SCAN, new Upload("b.pdf", pdf.length, () -> new java.io.ByteArrayInputStream(pdf)),
        "staff-131016", "documents.scan");
    String id = documents.commit("test:immutable", "2026-131016-902", "131016", "application", false, "staff-131016")
        .get(0).id();

    for (String sql : List.of("update mf_attachment set file_name = 'changed.pdf' where id = ?",
        "delete from mf_attachment_chunk where attachment_id = ?", "update mf_attachment_chunk set data = '\\x00' where attachment_id = ?",
        "delete from mf_attachment where id = ?")) {
      assertThatThrownBy(() -> jdbc.sql(sql).param(id).update()).as(sql).isInstanceOf(DataAccessException.class)
          .rootCause().hasMessageContaining("append-only");
    }
    for (String table : List.of("mf_attachment_chunk", "mf_attachment")) {
      assertThatThrownBy(() -> jdbc.sql("truncate table " + table + " cascade").update()).as(table)
          .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
    }
    assertThat(documents.find("2026-131016-902", id)).get().extracting(StoredDocument::fileName).isEqualTo("b.pdf");
  }
}
