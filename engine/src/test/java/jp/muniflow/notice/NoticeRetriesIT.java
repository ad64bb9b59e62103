package jp.muniflow.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.TestDatabaseInitializer;
import jp.muniflow.support.TestGrantRules;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A notice whose rendering fails is retried by the job executor and issued once, never twice: when it fails twice and
 * then succeeds, and when it keeps failing until an incident that an administrator sees, fixes and retries.
 *
 * <p>The failure is real: an operator's template for the municipality (in {@code muniflow.notices.template-dir}) that
 * cannot be read, as a typing mistake in a template would be. Fixing it is what an operator does: removing the bad
 * file. A context of its own: it sets the operator's template directory and a retry cycle of a few seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class NoticeRetriesIT {

  private static final Path TEMPLATES = createTemplateDir();
  private static final Path BROKEN = TEMPLATES.resolve("131016").resolve("subsidy.receipt.ja.txt");

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("muniflow.notices.template-dir", TEMPLATES::toString);
    // three attempts, five seconds apart: time for the test to watch the second failure before the third attempt
    registry.add("camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle", () -> "R3/PT5S");
  }

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  ManagementService management;

  @Autowired
  JdbcClient jdbc;

  @BeforeEach
  void breakTheTemplate() throws IOException {
    years.open(2026, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    Files.createDirectories(BROKEN.getParent());
    // no header lines: the template cannot be parsed, the receipt notice cannot be rendered
    Files.writeString(BROKEN, "受付通知書\nこの行は見出しではありません\n", StandardCharsets.UTF_8);
  }

  @AfterEach
  void fixTheTemplate() throws IOException {
    Files.deleteIfExists(BROKEN);
  }

  @Test
  void a_rendering_that_fails_twice_and_then_succeeds_yields_one_notice() throws IOException {
    String processInstance = processOf(submit());

    Job job = Await.until("two failed attempts", Duration.ofSeconds(60), () -> {
      Job j = receiptJob(processInstance);
      return j != null && j.getRetries() == 1 ? j : null;
    });
    assertThat(job.getExceptionMessage()).contains("header");
    assertThat(receipts(processInstance)).isZero();
    Files.delete(BROKEN);

    Await.until("the third attempt issues the receipt", Duration.ofSeconds(60),
        () -> receipts(processInstance) == 1 ? true : null);
    assertThat(receiptJob(processInstance)).isNull();
    assertThat(receipts(processInstance)).isEqualTo(1);
    assertThat(incidents(processInstance)).isZero();
  }

  @Test
  void a_rendering_that_keeps_failing_becomes_an_incident_that_an_administrator_retries_once_it_is_fixed()
      throws IOException {
    String processInstance = processOf(submit());

    JsonNode incident = Await.until("an incident", Duration.ofSeconds(90), () -> {
      JsonNode list = Api.as(port, "admin").get("/engine-rest/incident?processInstanceId=" + processInstance).json();
      return list.size() == 1 ? list.get(0) : null;
    });
    assertThat(incident.get("incidentType").asText()).isEqualTo("failedJob");
    assertThat(incident.get("activityId").asText()).isEqualTo("Activity_noticeReceipt");
    assertThat(incident.get("incidentMessage").asText()).contains("header");
    assertThat(Api.as(port, "staff-131016").get("/engine-rest/incident").status())
        .as("incidents are for administrators").isEqualTo(403);
    assertThat(receipts(processInstance)).isZero();

    // the administrator fixes the cause, then gives the job one more attempt, as in Cockpit
    Files.delete(BROKEN);
    String jobId = incident.get("configuration").asText();
    Api.Response retry = Api.as(port, "admin").put("/engine-rest/job/" + jobId + "/retries", Map.of("retries", 1));
    assertThat(retry.status()).as(retry.toString()).isEqualTo(204);

    Await.until("the retried job issues the receipt", Duration.ofSeconds(60),
        () -> receipts(processInstance) == 1 ? true : null);
    Await.until("the incident is resolved", Duration.ofSeconds(30), () -> incidents(processInstance) == 0 ? true : null);
    assertThat(receipts(processInstance)).isEqualTo(1);
    assertThat(Api.as(port, "admin").get("/engine-rest/incident?processInstanceId=" + processInstance).json()).isEmpty();
  }

  private String submit() {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("fiscalYear", 2026);
    body.put("title", "再試行の確認");
    body.put("description", "通知書の作成に失敗したときの再試行を確かめる。");
    body.put("requestedAmount", 10_000);
    body.put("plannedStart", "2026-06-01");
    body.put("plannedEnd", "2027-02-28");
    Api.Response r = Api.as(port, "staff-131016").post("/api/subsidy-applications", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  private String processOf(String applicationId) {
    return jdbc.sql("select process_instance_id from mf_subsidy_application where id = ?").param(applicationId)
        .query(String.class).single();
  }

  private Job receiptJob(String processInstance) {
    return management.createJobQuery().processInstanceId(processInstance).activityId("Activity_noticeReceipt")
        .singleResult();
  }

  private int receipts(String processInstance) {
    return jdbc.sql("select count(*) from mf_notice where process_instance_id = ? and template_key = 'subsidy.receipt'")
        .param(processInstance).query(Integer.class).single();
  }

  private long incidents(String processInstance) {
    return jdbc.sql("select count(*) from act_ru_incident where proc_inst_id_ = ?").param(processInstance)
        .query(Long.class).single();
  }

  private static Path createTemplateDir() {
    try {
      return Files.createTempDirectory("muniflow-templates");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
