package jp.muniflow.modeling.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.muniflow.support.Api;
import jp.muniflow.support.MuniFlowIntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The administrators' API: versions, diff, rollback, migration, and the audit log of all of it. */
@MuniFlowIntegrationTest
class ModelerApiIT {

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  private Api admin() {
    return Api.as(port, "admin");
  }

  @Test
  void five_instances_on_version_1_move_to_version_2_and_continue_there() throws Exception {
    String key = uniqueKey("mfMigrate");
    String v1 = deploy(key, ReviewModels.v1(key), null);
    List<String> moving = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      moving.add(runtime.startProcessInstanceByKey(key, "application-" + i).getId());
    }
    // a sixth instance has gone on to the check, which version 2 no longer has: it cannot move
    ProcessInstance stuck = runtime.startProcessInstanceByKey(key, "application-6");
    tasks.complete(taskOf(stuck.getId()).getId());
    String v2 = deploy(key, ReviewModels.v2(key), null);

    JsonNode sources = admin().get("/api/admin/migrations?targetDefinitionId=" + v2).json();
    assertThat(sources).hasSize(1);
    assertThat(sources.get(0).get("id").asText()).isEqualTo(v1);
    assertThat(sources.get(0).get("runningInstances").asLong()).isEqualTo(6);

    JsonNode plan = admin().post("/api/admin/migrations/plan", Map.of("sourceDefinitionId", v1, "targetDefinitionId", v2)).json();
    assertThat(texts(plan.get("migratable"))).containsExactlyInAnyOrderElementsOf(moving);
    assertThat(plan.get("blocked")).hasSize(1);
    assertThat(plan.get("blocked").get(0).get("processInstanceId").asText()).isEqualTo(stuck.getId());
    assertThat(plan.get("blocked").get(0).get("reasons").toString()).contains("Activity_Check");
    assertThat(plan.get("instructions").toString()).contains("Activity_Review");
    // the plan changed nothing
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v1).count()).isEqualTo(6);

    Api.Response started = admin().post("/api/admin/migrations", Map.of("sourceDefinitionId", v1, "targetDefinitionId", v2));
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    assertThat(started.json().get("migrating").asInt()).isEqualTo(5);
    String batchId = started.json().get("batchId").asText();

    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    JsonNode status;
    do {
      Thread.sleep(300);
      status = admin().get("/api/admin/migrations/batches/" + batchId).json();
    } while (!(status.get("finished").asBoolean() && runtime.createProcessInstanceQuery().processDefinitionId(v2).count() == 5)
        && Instant.now().isBefore(deadline));
    assertThat(status.get("finished").asBoolean()).as(status.toString()).isTrue();
    assertThat(status.get("failedJobs").asInt()).isZero();

    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v2).list()).extracting(ProcessInstance::getId)
        .containsExactlyInAnyOrderElementsOf(moving);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v1).list()).extracting(ProcessInstance::getId)
        .containsExactly(stuck.getId());
    // their tasks continue on version 2: after the review comes the approval, which only version 2 has
    for (String id : moving) {
      Task review = taskOf(id);
      assertThat(review.getProcessDefinitionId()).isEqualTo(v2);
      tasks.complete(review.getId());
      assertThat(taskOf(id).getTaskDefinitionKey()).isEqualTo("Activity_Approve");
    }

    JsonNode audit = admin().get("/api/admin/audit?action=migration").json();
    assertThat(audit).anySatisfy(e -> {
      assertThat(e.get("actor").asText()).isEqualTo("admin");
      assertThat(e.get("target").asText()).isEqualTo(v1 + " -> " + v2);
      assertThat(e.get("details").asText()).contains("instances=5").contains("async=true");
    });
  }

  @Test
  void the_difference_of_two_versions_names_the_changed_elements_and_rollback_deploys_the_old_one_again() {
    String key = uniqueKey("mfDiff");
    String v1 = deploy(key, ReviewModels.v1(key), null);
    String v2 = deploy(key, ReviewModels.v2(key), null);

    JsonNode diff = admin().get("/api/admin/definitions/" + v2 + "/diff?against=" + v1).json();
    assertThat(texts(diff.get("added"))).contains("Activity_Approve");
    assertThat(texts(diff.get("removed"))).contains("Activity_Check");
    assertThat(texts(diff.get("changed"))).contains("Activity_Review").doesNotContain("StartEvent_1");
    assertThat(diff.get("unifiedDiff").asText()).contains("-").contains("name=\"確認\"").contains("+").contains("name=\"承認\"");

    Api.Response rollback = admin().post("/api/admin/definitions/" + v1 + "/redeploy");
    assertThat(rollback.status()).as(rollback.toString()).isEqualTo(201);
    JsonNode v3 = rollback.json().get("definitions").get(0);
    assertThat(v3.get("version").asInt()).isEqualTo(3);
    assertThat(admin().get("/api/admin/definitions/" + v3.get("id").asText() + "/xml").text()).isEqualTo(ReviewModels.v1(key));

    Api.Response again = admin().post("/api/admin/definitions/" + v3.get("id").asText() + "/redeploy");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("detail").asText()).contains("最新版");
  }

  @Test
  void deploying_the_same_model_again_makes_no_new_version() {
    String key = uniqueKey("mfSame");
    deploy(key, ReviewModels.v1(key), null);
    Api.Response again = admin().post("/api/admin/deployments",
        Map.of("resourceName", key + ".bpmn", "xml", ReviewModels.v1(key)));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("duplicate").asBoolean()).isTrue();
    assertThat(admin().get("/api/admin/definitions").json()).filteredOn(d -> d.get("key").asText().equals(key)).hasSize(1);
  }

  @Test
  void a_model_for_one_municipality_is_that_tenant_s_and_an_unknown_code_is_refused() {
    String key = uniqueKey("mfTenant");
    String id = deploy(key, ReviewModels.v1(key), "131016");
    JsonNode definition = admin().get("/api/admin/definitions/" + id).json();
    assertThat(definition.get("tenantId").asText()).isEqualTo("131016");
    assertThat(definition.get("shared").asBoolean()).isFalse();

    Api.Response unknown = admin().post("/api/admin/deployments",
        Map.of("resourceName", key + ".bpmn", "xml", ReviewModels.v1(key), "tenantId", "999999"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().get("detail").asText()).contains("999999");
  }

  @Test
  void a_model_camunda_cannot_parse_is_a_422_with_the_engine_s_findings() {
    // two ways out of a gateway, neither with a condition nor the default: the gate has no rule for it, Camunda refuses
    String broken = ReviewModels.v1("mfBroken").replace(
        "<bpmn:sequenceFlow id=\"Flow_1\" sourceRef=\"StartEvent_1\" targetRef=\"Activity_Review\"/>",
        "<bpmn:sequenceFlow id=\"Flow_1\" sourceRef=\"StartEvent_1\" targetRef=\"Gateway_Which\"/>"
            + "<bpmn:exclusiveGateway id=\"Gateway_Which\"/>"
            + "<bpmn:sequenceFlow id=\"Flow_A\" sourceRef=\"Gateway_Which\" targetRef=\"Activity_Review\"/>"
            + "<bpmn:sequenceFlow id=\"Flow_B\" sourceRef=\"Gateway_Which\" targetRef=\"Activity_Check\"/>");
    assertThat(broken).contains("Gateway_Which");
    Api.Response r = admin().post("/api/admin/deployments", Map.of("resourceName", "mf-broken.bpmn", "xml", broken));
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.json().get("errors").toString()).contains("Gateway_Which");
  }

  @Test
  void every_deployment_is_in_the_audit_log_with_the_sha256_of_its_file() throws Exception {
    String key = uniqueKey("mfAudit");
    String xml = ReviewModels.v1(key);
    String id = deploy(key, xml, "132012");
    String deploymentId = admin().get("/api/admin/definitions/" + id).json().get("deploymentId").asText();

    JsonNode audit = admin().get("/api/admin/audit").json();
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(audit).anySatisfy(e -> {
      assertThat(e.get("action").asText()).isEqualTo("deployment");
      assertThat(e.get("target").asText()).isEqualTo(deploymentId);
      assertThat(e.get("actor").asText()).isEqualTo("admin");
      assertThat(e.get("tenantId").asText()).isEqualTo("132012");
      assertThat(e.get("details").asText()).contains(key + ":1");
      assertThat(e.get("resources").get(0).get("name").asText()).isEqualTo(key + ".bpmn");
      assertThat(e.get("resources").get(0).get("sha256").asText()).isEqualTo(sha);
    });
  }

  private String deploy(String key, String xml, String tenantId) {
    Map<String, String> body = tenantId == null ? Map.of("resourceName", key + ".bpmn", "xml", xml)
        : Map.of("resourceName", key + ".bpmn", "xml", xml, "tenantId", tenantId);
    Api.Response r = admin().post("/api/admin/deployments", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("definitions").get(0).get("id").asText();
  }

  private Task taskOf(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  private static String uniqueKey(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
