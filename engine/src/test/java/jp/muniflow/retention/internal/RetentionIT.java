package jp.muniflow.retention.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import jp.muniflow.attachment.Documents;
import jp.muniflow.attachment.StoredDocument;
import jp.muniflow.notice.NoticeRecords;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.retention.RetentionProperties;
import jp.muniflow.subsidy.SubsidyFlows;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PdfText;
import jp.muniflow.support.TestGrantRules;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention over the real engine and database: a withdrawn application's review ends with a removal time five years
 * (its records class) after its end, which the disposal moves to five years from the April 1st after its fiscal year;
 * with the time moved past that, the disposal writes the archive (the notices' PDFs,
 * the documents and record.json, whose SHA-256 the test computes again from the ZIP's bytes) and removes the history,
 * the notices and the documents. An application on legal hold stays whole — its removal time is cleared, so Camunda's
 * cleanup passes it by too — until the hold is released. Placing a hold is for the managers of the secretariat that
 * reviews or decides it, with a reason, audited.
 */
@MuniFlowIntegrationTest
class RetentionIT {

  /** A year of its own, which no other test opens (AnnualReportIT counts and closes 2055). */
  private static final int YEAR = 2063;
  private static final String WARD = "131016";
  private static final String STAFF = "staff-" + WARD;

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;
  @Autowired
  RecordsDisposal disposal;
  @Autowired
  NoticeRecords notices;
  @Autowired
  Documents documents;
  @Autowired
  HistoryService history;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  RetentionProperties properties;

  private SubsidyFlows flows;

  @BeforeEach
  void openYear() {
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    flows = new SubsidyFlows(port);
  }

  @Test
  void past_its_period_a_finished_application_is_archived_with_matching_hashes_and_its_records_are_removed()
      throws Exception {
    String id = withdrawnApplication(null);
    HistoricProcessInstance review = review(id);
    // removal time = the end of the process + its records class (subsidyReview: 5 years = 1827 days)
    assertThat(review.getRemovalTime().toInstant())
        .isEqualTo(review.getEndTime().toInstant().plus(Duration.ofDays(1827)));
    List<NoticeRecords.Kept> kept = notices.of(Set.of(id));
    assertThat(kept).extracting(n -> n.notice().templateKey())
        .containsExactlyInAnyOrder("subsidy.receipt", "subsidy.withdrawal");
    List<StoredDocument> docs = documents.of(id);
    assertThat(docs).hasSize(2);
    Map<String, String> storedHashes = new HashMap<>();
    kept.forEach(n -> storedHashes.put(n.notice().documentNumber(), n.notice().sha256()));
    docs.forEach(d -> storedHashes.put(d.fileName(), d.sha256()));

    Instant removal = review.getRemovalTime().toInstant();
    assertThat(disposal.disposeDue(removal.minus(Duration.ofMinutes(1)), id::equals).disposed()).isEmpty();
    assertThat(notices.of(Set.of(id))).hasSize(2);

    // the five years count from the April 1st after the fiscal year it ended in (翌年度起算): until then the disposal
    // moves Camunda's removal time there, and keeps everything
    LocalDate ended = review.getEndTime().toInstant().atZone(JapanTime.ZONE).toLocalDate();
    int fiscalYear = ended.getMonthValue() >= 4 ? ended.getYear() : ended.getYear() - 1;
    Instant due = LocalDate.of(fiscalYear + 1, 4, 1).plusYears(5).atStartOfDay(JapanTime.ZONE).toInstant();
    if (due.isAfter(removal.plus(Duration.ofMinutes(1)))) {
      assertThat(disposal.disposeDue(removal.plus(Duration.ofMinutes(1)), id::equals).disposed()).isEmpty();
      Await.until("the removal time moved to " + due, () -> due.equals(review(id).getRemovalTime().toInstant()) ? true : null);
      assertThat(notices.of(Set.of(id))).hasSize(2);
      assertThat(documents.of(id)).hasSize(2);
    }

    assertThat(disposal.disposeDue(due.plus(Duration.ofMinutes(1)), id::equals).disposed()).containsExactly(id);

    // gone: history, notices, documents; also for the staff's API
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(review.getId()).count()).isZero();
    assertThat(notices.of(Set.of(id))).isEmpty();
    assertThat(documents.of(id)).isEmpty();
    assertThat(Api.as(port, STAFF).get("/api/notices?applicationId=" + id).json()).isEmpty();
    assertThat(jdbc.sql("select count(*) from mf_attachment_chunk c join mf_attachment a on a.id = c.attachment_id"
        + " where a.owner_id = ?").param(id).query(Integer.class).single()).isZero();

    // the archive holds them, each with the SHA-256 of its bytes in record.json
    Path zip = properties.archiveDir().resolve(id + ".zip");
    Map<String, byte[]> entries = unzip(zip);
    JsonNode record = new ObjectMapper().readTree(entries.get("record.json"));
    assertThat(record.get("applicationId").asText()).isEqualTo(id);
    assertThat(record.get("recordsClass").asText()).isEqualTo("5y");
    assertThat(record.get("history").toString()).contains("reviewApplication");
    assertThat(record.get("notices")).hasSize(2);
    assertThat(record.get("documents")).hasSize(2);
    for (JsonNode file : List.of(record.get("notices"), record.get("documents")).stream()
        .flatMap(a -> java.util.stream.StreamSupport.stream(a.spliterator(), false)).toList()) {
      byte[] bytes = entries.get(file.get("path").asText());
      assertThat(bytes).as(file.get("path").asText()).isNotNull();
      assertThat(sha256(bytes)).isEqualTo(file.get("sha256").asText());
      String name = file.has("documentNumber") ? file.get("documentNumber").asText() : file.get("fileName").asText();
      assertThat(sha256(bytes)).as(name).isEqualTo(storedHashes.get(name));
    }
    JsonNode withdrawal = java.util.stream.StreamSupport.stream(record.get("notices").spliterator(), false)
        .filter(n -> n.get("templateKey").asText().equals("subsidy.withdrawal")).findFirst().orElseThrow();
    assertThat(PdfText.searchable(entries.get(withdrawal.get("path").asText()))).contains("取下げ");

    // the register of disposals and the audit log say what went where
    Map<String, Object> row = jdbc.sql("select archive_name, archive_sha256, notices, documents from mf_records_disposal"
        + " where application_id = ?").param(id).query().singleRow();
    assertThat(row.get("archive_name")).isEqualTo(id + ".zip");
    assertThat(row.get("archive_sha256")).isEqualTo(sha256(Files.readAllBytes(zip)));
    assertThat(((Number) row.get("notices")).intValue()).isEqualTo(2);
    assertThat(((Number) row.get("documents")).intValue()).isEqualTo(2);
    assertThat(jdbc.sql("select count(*) from mf_audit_event where action = 'records-disposed' and target = ?")
        .param(id).query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void an_application_on_legal_hold_stays_whole_until_the_hold_is_released() {
    String id = withdrawnApplication(applicationId -> {
      String path = "/api/subsidy-applications/" + applicationId + "/legal-hold";
      // staff and reviewers may not; another secretariat's manager does not even find it; a reason is required
      assertThat(Api.as(port, STAFF).post(path, Map.of("reason", "訴訟")).status()).isEqualTo(403);
      assertThat(Api.as(port, "reviewer-kyogikai").post(path, Map.of("reason", "訴訟")).status()).isEqualTo(403);
      assertThat(Api.as(port, "manager-chosonkai").post(path, Map.of("reason", "訴訟")).status()).isEqualTo(404);
      Api.Response noReason = Api.as(port, "manager-kyogikai").post(path, Map.of("reason", " "));
      assertThat(noReason.status()).isEqualTo(400);
      assertThat(noReason.contentType()).contains("application/problem+json");
      assertThat(noReason.text()).contains("reason");

      Api.Response held = Api.as(port, "manager-kyogikai").post(path, Map.of("reason", "情報公開訴訟（令和37年（行ウ）第1号）"));
      assertThat(held.status()).as(held.toString()).isEqualTo(200);
      assertThat(held.json().get("held").asBoolean()).isTrue();
      assertThat(Api.as(port, "manager-kyogikai").post(path, Map.of("reason", "again")).status()).isEqualTo(409);
      assertThat(Api.as(port, STAFF).get(path).json().get("held").asBoolean()).isTrue();
    });
    String path = "/api/subsidy-applications/" + id + "/legal-hold";
    HistoricProcessInstance ended = review(id);
    Instant farFuture = ended.getEndTime().toInstant().plus(Duration.ofDays(1827 * 4));

    RecordsDisposal.Outcome outcome = disposal.disposeDue(farFuture, id::equals);
    assertThat(outcome.disposed()).isEmpty();
    // the removal time the end gave it is cleared again, so that Camunda's own cleanup never takes it
    Await.until("the held review's removal time cleared", () -> review(id).getRemovalTime() == null ? true : null);
    assertThat(disposal.disposeDue(farFuture, id::equals).disposed()).isEmpty();
    assertThat(notices.of(Set.of(id))).hasSize(2);
    assertThat(documents.of(id)).hasSize(2);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(ended.getId()).count()).isPositive();
    assertThat(Files.exists(properties.archiveDir().resolve(id + ".zip"))).isFalse();
    assertThat(jdbc.sql("select count(*) from mf_audit_event where action = 'legal-hold' and target = ? and actor = ?")
        .params(id, "manager-kyogikai").query(Integer.class).single()).isEqualTo(1);

    // released (with a reason, audited): the removal time is the end plus the class again, and the disposal takes it
    assertThat(Api.as(port, "manager-kyogikai").delete(path, Map.of()).status()).isEqualTo(400);
    Api.Response released = Api.as(port, "manager-kyogikai").delete(path, Map.of("reason", "判決確定"));
    assertThat(released.status()).as(released.toString()).isEqualTo(200);
    assertThat(Api.as(port, "manager-kyogikai").delete(path, Map.of("reason", "again")).status()).isEqualTo(409);
    Instant removal = Await.until("the released review's removal time", () -> review(id).getRemovalTime() == null ? null
        : review(id).getRemovalTime().toInstant());
    assertThat(removal).isEqualTo(ended.getEndTime().toInstant().plus(Duration.ofDays(1827)));
    assertThat(jdbc.sql("select count(*) from mf_audit_event where action = 'legal-hold-released' and target = ?")
        .param(id).query(Integer.class).single()).isEqualTo(1);
    assertThat(disposal.disposeDue(farFuture, id::equals).disposed()).containsExactly(id);
    assertThat(notices.of(Set.of(id))).isEmpty();
  }

  /** Submits (with its two documents), lets the routing pass, runs {@code beforeWithdrawal}, withdraws, awaits the end. */
  private String withdrawnApplication(java.util.function.Consumer<String> beforeWithdrawal) {
    String id = flows.submit(WARD, YEAR, 100_000);
    // application numbers start again in each test database; the archive directory stays between runs
    try {
      Files.deleteIfExists(properties.archiveDir().resolve(id + ".zip"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    flows.awaitTask("reviewer-kyogikai", id, "reviewApplication");
    if (beforeWithdrawal != null) {
      beforeWithdrawal.accept(id);
    }
    Api.Response withdrawn = Api.as(port, STAFF).post("/api/subsidy-applications/" + id + "/withdraw");
    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
    Await.until("the review of " + id + " ended", () -> review(id) != null && review(id).getEndTime() != null ? true : null);
    Await.until("the notices of " + id, () -> notices.of(Set.of(id)).size() == 2 ? true : null);
    return id;
  }

  private HistoricProcessInstance review(String id) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).singleResult();
  }

  private static Map<String, byte[]> unzip(Path zip) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
      for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        z.transferTo(out);
        entries.put(e.getName(), out.toByteArray());
      }
    }
    return entries;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
