package jp.muniflow.modeling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import jp.muniflow.retention.RecordsClass;
import jp.muniflow.support.Api;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.Multipart;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A model without {@code camunda:historyTimeToLive} is valid for the modeler's validation and deploys on every path —
 * the admin modeler, Camunda's REST API, the deployment at start — with the period of its records class (the default
 * class, 5 years, when the data file does not list its key). A listed key gets its class whatever the model says; an
 * unlisted model keeps its own time to live.
 */
@MuniFlowIntegrationTest
class ModelsWithoutTimeToLiveIT {

  private static final int FIVE_YEARS_IN_DAYS = 1827;

  @LocalServerPort
  int port;

  @Autowired
  RepositoryService repository;

  @Test
  void the_modeler_s_validation_accepts_it_and_its_deployment_gets_the_default_class() {
    String key = uniqueKey("mfNoTtlModeler");
    Api.Response validation = Api.as(port, "admin").post("/api/admin/validate",
        Map.of("resourceName", key + ".bpmn", "xml", model(key, "")));
    assertThat(validation.status()).as(validation.toString()).isEqualTo(200);
    assertThat(validation.json().get("valid").asBoolean()).isTrue();
    assertThat(validation.json().get("violations")).isEmpty();

    Api.Response deployed = Api.as(port, "admin").post("/api/admin/deployments",
        Map.of("resourceName", key + ".bpmn", "xml", model(key, "")));
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
    assertThat(latest(key).getHistoryTimeToLive()).isEqualTo(FIVE_YEARS_IN_DAYS);
  }

  @Test
  void camunda_s_rest_api_deploys_it_with_the_default_class() {
    String key = uniqueKey("mfNoTtlRest");
    Multipart body = new Multipart().field("deployment-name", key).field("deployment-source", "retention-test")
        .file(key + ".bpmn", model(key, "").getBytes(StandardCharsets.UTF_8));
    Api.Response r = Api.as(port, "admin").postRaw("/engine-rest/deployment/create", body.contentType(), body.body());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode definitions = r.json().get("deployedProcessDefinitions");
    assertThat(definitions.size()).isEqualTo(1);
    assertThat(latest(key).getHistoryTimeToLive()).isEqualTo(FIVE_YEARS_IN_DAYS);
  }

  @Test
  void the_deployment_at_start_deploys_it_with_the_default_class() {
    new SharedModelsDeployer(repository, "retention-startup-probe", "classpath*:retention-startup/processes/*.bpmn")
        .afterSingletonsInstantiated();
    assertThat(latest("retentionStartupProbe").getHistoryTimeToLive()).isEqualTo(FIVE_YEARS_IN_DAYS);
  }

  @Test
  void a_listed_process_gets_its_class_and_an_unlisted_model_keeps_its_own_time_to_live() {
    // the shipped models say P3650D; the data file gives the review 5 years and the plan's approval 30
    assertThat(latest("subsidyReview").getHistoryTimeToLive()).isEqualTo(FIVE_YEARS_IN_DAYS);
    assertThat(latest("programPlanApproval").getHistoryTimeToLive()).isEqualTo(RecordsClass.THIRTY_YEARS.days());

    String key = uniqueKey("mfOwnTtl");
    Api.Response deployed = Api.as(port, "admin").post("/api/admin/deployments",
        Map.of("resourceName", key + ".bpmn", "xml", model(key, " camunda:historyTimeToLive=\"P30D\"")));
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
    assertThat(latest(key).getHistoryTimeToLive()).isEqualTo(30);
  }

  @Test
  void a_decision_without_a_time_to_live_is_valid_and_deploys_with_the_default_class() {
    String key = uniqueKey("mfNoTtlDecision");
    String dmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_%1$s" name="ttl" namespace="http://muniflow.jp/test">
          <decision id="%1$s" name="保存年限テスト">
            <decisionTable id="DecisionTable_1">
              <input id="Input_1" label="kind"><inputExpression id="InputExpression_1" typeRef="string"><text>kind</text></inputExpression></input>
              <output id="Output_1" name="secretariat" typeRef="string"/>
              <rule id="Rule_1"><inputEntry id="InputEntry_1"><text>"ward"</text></inputEntry><outputEntry id="OutputEntry_1"><text>"kyogikai"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(key);
    Api.Response validation = Api.as(port, "admin").post("/api/admin/validate", Map.of("resourceName", key + ".dmn", "xml", dmn));
    assertThat(validation.json().get("valid").asBoolean()).as(validation.toString()).isTrue();
    Api.Response deployed = Api.as(port, "admin").post("/api/admin/deployments", Map.of("resourceName", key + ".dmn", "xml", dmn));
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult()
        .getHistoryTimeToLive()).isEqualTo(FIVE_YEARS_IN_DAYS);
  }

  private ProcessDefinition latest(String key) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(key).withoutTenantId().latestVersion()
        .singleResult();
  }

  private static String model(String key, String timeToLive) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="http://muniflow.jp/test">
          <bpmn:process id="%1$s" name="保存年限テスト" isExecutable="true"%2$s>
            <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Activity_Check"/>
            <bpmn:userTask id="Activity_Check" name="確認" camunda:candidateGroups="admins"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Activity_Check" targetRef="EndEvent_1"/>
            <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, timeToLive);
  }

  private static String uniqueKey(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }
}
