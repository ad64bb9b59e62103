package jp.muniflow.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import jp.muniflow.support.Api;
import jp.muniflow.support.MuniFlowIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A trivial process started in tenants 131016 (千代田区) and 132012 (八王子市): each municipality's staff see and
 * work only their own task, through every task endpoint, and learn nothing of the other's.
 */
@MuniFlowIntegrationTest
class TaskIsolationIT {

  private static final String KEY = "trivialIsolation";
  /** A user's open tasks of this class's process. */
  private static final String OWN_TASKS = "/api/tasks?process=" + KEY + "&size=500";

  @LocalServerPort
  int port;

  @Autowired
  RepositoryService repository;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService taskService;

  private String chiyodaTask;
  private String hachiojiTask;

  @BeforeEach
  void startOneInstanceInEachTenant() {
    chiyodaTask = start("131016");
    hachiojiTask = start("132012");
  }

  @AfterEach
  void removeDeployments() {
    repository.createDeploymentQuery().deploymentName(KEY).list()
        .forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  private String start(String tenant) {
    return start(tenant, "staff-" + tenant, KEY);
  }

  private String start(String tenant, String candidateGroup, String key) {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://muniflow.jp/test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Event_start"/>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_start" targetRef="Activity_check"/>
            <bpmn:userTask id="Activity_check" name="確認" camunda:candidateGroups="%s"/>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Activity_check" targetRef="Event_end"/>
            <bpmn:endEvent id="Event_end"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, candidateGroup);
    repository.createDeployment().name(KEY).tenantId(tenant).addString(key + ".bpmn", bpmn).deploy();
    ProcessInstance pi = runtime.createProcessInstanceByKey(key).processDefinitionTenantId(tenant)
        .businessKey("case-" + tenant).execute();
    return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
  }

  @Test
  void each_staff_member_lists_only_their_own_tenant_s_task() {
    // other test classes leave tasks of their own in these lists: this class's process is what is counted
    JsonNode chiyoda = Api.as(port, "staff-131016").get(OWN_TASKS).json();
    assertThat(chiyoda).hasSize(1);
    assertThat(chiyoda.get(0).get("id").asText()).isEqualTo(chiyodaTask);
    assertThat(chiyoda.get(0).get("tenantId").asText()).isEqualTo("131016");
    assertThat(chiyoda.get(0).get("businessKey").asText()).isEqualTo("case-131016");
    assertThat(chiyoda.get(0).get("processDefinitionKey").asText()).isEqualTo(KEY);
    assertThat(chiyoda.get(0).get("taskDefinitionKey").asText()).isEqualTo("Activity_check");

    JsonNode hachioji = Api.as(port, "staff-132012").get(OWN_TASKS).json();
    assertThat(hachioji).hasSize(1);
    assertThat(hachioji.get(0).get("id").asText()).isEqualTo(hachiojiTask);
    assertThat(Api.as(port, "staff-132012").get("/api/tasks?size=500").text()).doesNotContain("131016")
        .doesNotContain(chiyodaTask);
  }

  @Test
  void another_tenant_s_task_is_not_found_on_every_task_endpoint() {
    Api hachioji = Api.as(port, "staff-132012");
    for (Api.Response r : new Api.Response[] {
        hachioji.get("/api/tasks/" + chiyodaTask),
        hachioji.post("/api/tasks/" + chiyodaTask + "/claim"),
        hachioji.post("/api/tasks/" + chiyodaTask + "/unclaim"),
        hachioji.post("/api/tasks/" + chiyodaTask + "/complete", Map.of())}) {
      assertThat(r.status()).as(r.toString()).isEqualTo(404);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().get("detail").asText()).doesNotContain("131016").doesNotContain("千代田");
    }
    assertThat(taskService.createTaskQuery().taskId(chiyodaTask).singleResult().getAssignee()).isNull();
  }

  @Test
  void camunda_rest_is_closed_to_staff() {
    assertThat(Api.as(port, "staff-132012").get("/engine-rest/task/" + chiyodaTask).status()).isEqualTo(403);
    assertThat(Api.as(port, "staff-132012").get("/engine-rest/task").status()).isEqualTo(403);
  }

  @Test
  void a_secretariat_out_of_scope_does_not_see_the_task_either() {
    // the tasks are offered to staff groups only; kyogikai's scope holds 131016 but its groups are no candidates
    assertThat(Api.as(port, "reviewer-kyogikai").get(OWN_TASKS).json()).isEmpty();
    assertThat(Api.as(port, "reviewer-kyogikai").get("/api/tasks?size=500").text())
        .doesNotContain(chiyodaTask).doesNotContain(hachiojiTask);
    assertThat(Api.as(port, "reviewer-kyogikai").get("/api/tasks/" + hachiojiTask).status()).isEqualTo(404);
  }

  @Test
  void a_task_offered_to_a_group_in_a_tenant_outside_the_group_s_scope_is_not_listed() {
    // kyogikai serves the 23 wards: a task of Hachioji (a city) offered to its reviewers, by a mistaken model, stays
    // hidden from them, as the engine's tenant check would hide it; the ward's task offered to them is listed
    String wardTask = start("131016", "kyogikai-reviewers", KEY + "Group");
    String cityTask = start("132012", "kyogikai-reviewers", KEY + "Group");
    JsonNode listed = Api.as(port, "reviewer-kyogikai").get("/api/tasks?size=500").json();
    List<String> ids = new java.util.ArrayList<>();
    listed.forEach(t -> ids.add(t.get("id").asText()));
    assertThat(ids).contains(wardTask).doesNotContain(cityTask, chiyodaTask, hachiojiTask);
    assertThat(Api.as(port, "reviewer-kyogikai").get("/api/tasks/" + cityTask).status()).isEqualTo(404);
  }

  @Test
  void staff_claim_and_complete_their_own_task() {
    Api chiyoda = Api.as(port, "staff-131016");
    assertThat(chiyoda.post("/api/tasks/" + chiyodaTask + "/claim").status()).isEqualTo(204);
    assertThat(chiyoda.get("/api/tasks/" + chiyodaTask).json().get("assignee").asText()).isEqualTo("staff-131016");
    assertThat(chiyoda.post("/api/tasks/" + chiyodaTask + "/complete", Map.of("comment", "確認しました")).status())
        .isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(chiyodaTask).count()).isZero();
    assertThat(chiyoda.get(OWN_TASKS).json()).isEmpty();
  }
}
