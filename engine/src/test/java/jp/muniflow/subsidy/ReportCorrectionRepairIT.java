package jp.muniflow.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.StartedInstances;
import jp.muniflow.support.TestGrantRules;
import jp.muniflow.support.PdfText;
import jp.muniflow.platform.JapaneseCalendar;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The repair of an instance of the first {@code subsidyReview} (versionTag 1) that stalled on a report sent back for
 * correction, as docs/processes.md and docs/operations.md describe it: after the upgrade has deployed the current
 * model, an administrator migrates the instance to it and moves it back to the step that records the return; the
 * report's own correction notice is issued with a deadline 14 days from the repair, and the process goes on.
 *
 * <p>The old model is the one MuniFlow shipped before (kept in {@code models/subsidyReview-v1.bpmn}), deployed as the
 * shared models were, so that the upgrade's redeployment makes the current one the latest version again.
 */
@MuniFlowIntegrationTest
class ReportCorrectionRepairIT {

  static final int YEAR = 2041;
  static final String STAFF = "staff-131091";
  static final String SHARED = "muniflow-shared-models";

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  RepositoryService repository;

  @Autowired
  ManagementService management;

  @Autowired
  RuntimeService runtime;

  private SubsidyFlows flows;
  /** Its instance stalls with an incident on purpose: ended after the test, whatever became of it. */
  private final StartedInstances started = new StartedInstances();

  @BeforeEach
  void openYear() {
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    flows = new SubsidyFlows(port);
  }

  /** What the upgraded node does at start (SharedModelsDeployer): the shipped models, a new version of what changed. */
  @AfterEach
  void deployTheCurrentModels() throws IOException {
    started.endAll(runtime);
    deploy(null);
  }

  private void deploy(String subsidyReviewFrom) throws IOException {
    DeploymentBuilder deployment = repository.createDeployment().name(SHARED).source("muniflow").enableDuplicateFiltering(false);
    var resolver = new PathMatchingResourcePatternResolver();
    for (String pattern : new String[] {"classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn",
        "classpath*:processes/**/*.form"}) {
      for (Resource resource : resolver.getResources(pattern)) {
        String url = resource.getURL().toString();
        String name = url.substring(url.lastIndexOf("processes/"));
        Resource content = subsidyReviewFrom != null && name.endsWith("subsidyReview.bpmn")
            ? resolver.getResource("classpath:" + subsidyReviewFrom) : resource;
        try (InputStream in = content.getInputStream()) {
          deployment.addInputStream(name, in);
        }
      }
    }
    deployment.deploy();
  }

  private ProcessDefinition latestSubsidyReview() {
    return repository.createProcessDefinitionQuery().processDefinitionKey("subsidyReview").withoutTenantId()
        .latestVersion().singleResult();
  }

  @Test
  void an_instance_of_the_old_model_stalled_on_a_report_correction_is_migrated_moved_back_and_goes_on() throws IOException {
    // the old version, as the shared models were before the upgrade
    deploy("models/subsidyReview-v1.bpmn");
    ProcessDefinition old = latestSubsidyReview();
    assertThat(old.getVersionTag()).isEqualTo("1");

    String id = flows.submit("131091", YEAR, 600_000);
    flows.complete("reviewer-kyogikai", flows.awaitTask("reviewer-kyogikai", id, "reviewApplication"), "decision", "forward",
        "comment", "");
    flows.complete("manager-kyogikai", flows.awaitTask("manager-kyogikai", id, "decideGrant"), "decision", "grant",
        "grantedAmount", 600_000, "comment", "");
    flows.report(STAFF, id, "actualCost", 550_000, "report", "実施しました");
    assertThat(flows.complete("reviewer-kyogikai", flows.awaitTask("reviewer-kyogikai", id, "reviewPerformanceReport"),
        "decision", "requestCorrection", "comment", "領収書の写しを添付してください").status()).isEqualTo(204);

    // the stall the outside test found: an incident, the application in 交付決定 with its reservation held
    Api admin = Api.as(port, "admin");
    String instance = started.track(flows.application(STAFF, id).path("processInstanceId").asText());
    JsonNode incident = Await.until("the incident", Duration.ofSeconds(90), () -> {
      JsonNode list = admin.get("/engine-rest/incident?processInstanceId=" + instance).json();
      return list.size() == 1 ? list.get(0) : null;
    });
    assertThat(incident.get("activityId").asText()).isEqualTo("Activity_noticeReportCorrection");
    assertThat(incident.get("incidentMessage").asText()).contains("correctionDeadline");
    assertThat(flows.application(STAFF, id).path("application").path("status").asText()).isEqualTo("GRANTED");
    assertThat(flows.application(STAFF, id).path("reservedAmount").asLong()).isEqualTo(600_000);

    // the upgrade deploys the current model
    deploy(null);
    ProcessDefinition current = latestSubsidyReview();
    assertThat(current.getVersion()).isGreaterThan(old.getVersion());
    assertThat(current.getVersionTag()).isEqualTo("2");

    // repair, step 1: migrate the old version's instances to the current one (the administrators' migration page)
    Api.Response started = admin.post("/api/admin/migrations",
        Map.of("sourceDefinitionId", old.getId(), "targetDefinitionId", current.getId()));
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String batch = started.json().get("batchId").asText();
    Await.until("the migration batch", Duration.ofSeconds(60),
        () -> admin.get("/api/admin/migrations/batches/" + batch).json().path("finished").asBoolean() ? true : null);
    // its monitor job would remove the finished batch, with its job definitions, within half a minute, under the feet
    // of another test that counts the engine's job definitions: removed at once here, its history kept
    Await.until("the finished batch removed", Duration.ofSeconds(60), () -> {
      if (management.createBatchQuery().batchId(batch).count() == 0) {
        return true; // the monitor job was quicker
      }
      try {
        management.deleteBatch(batch, false);
      } catch (RuntimeException monitorAtWork) {
        // the monitor job changed or removed it at that moment (an optimistic lock, or the engine finding it gone
        // half-way): look again
      }
      return management.createBatchQuery().batchId(batch).count() == 0 ? true : null;
    });
    assertThat(admin.get("/engine-rest/process-instance/" + instance).json().get("definitionId").asText())
        .isEqualTo(current.getId());

    // repair, step 2: move it back to the step that records the return, which sets the report's deadline
    Api.Response moved = admin.post("/engine-rest/process-instance/" + instance + "/modification",
        "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Activity_noticeReportCorrection\"},"
            + "{\"type\":\"startBeforeActivity\",\"activityId\":\"Activity_recordReportReturn\"}],"
            + "\"annotation\":\"repair: report correction of subsidyReview v1\"}");
    assertThat(moved.status()).as(moved.toString()).isEqualTo(204);

    JsonNode notice = Await.until("the report's correction notice", Duration.ofSeconds(60), () -> {
      for (JsonNode n : Api.as(port, STAFF).get("/api/notices?applicationId=" + id).json()) {
        if ("subsidy.report-correction-request".equals(n.path("templateKey").asText())) {
          return n;
        }
      }
      return null;
    });
    String text = PdfText.searchable(Api.as(port, STAFF).get("/api/notices/" + notice.get("id").asText() + "/pdf").bytes());
    LocalDate deadline = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(14);
    assertThat(text).contains("実績報告書の補正について(依頼)").contains("領収書の写しを添付してください")
        .contains(PdfText.searchable(JapaneseCalendar.format(deadline))).doesNotContain("失効");
    assertThat(admin.get("/engine-rest/incident?processInstanceId=" + instance).json()).isEmpty();

    flows.report(STAFF, id, "actualCost", 540_000, "report", "添付しました");
    flows.complete("reviewer-kyogikai", flows.awaitTask("reviewer-kyogikai", id, "reviewPerformanceReport"),
        "decision", "confirm", "comment", "");
    assertThat(flows.awaitStatus(STAFF, id, "CONFIRMED")).isEqualTo("CONFIRMED");
    assertThat(flows.application(STAFF, id).path("confirmedAmount").asLong()).isEqualTo(540_000);
    assertThat(flows.application(STAFF, id).path("reservedAmount").asLong()).isEqualTo(540_000);
  }
}
