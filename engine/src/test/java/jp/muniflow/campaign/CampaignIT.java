package jp.muniflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.muniflow.modeling.internal.gate.ForbiddenModels;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.MunicipalityKind;
import jp.muniflow.tenants.TenantRegistry;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A campaign built from building blocks only, deployed as an administrator deploys it (MuniFlow's modeler API): the
 * gate refuses a campaign over no municipality and a notice step naming no template, before anything is deployed;
 * a campaign of the wards starts one instance in each ward's tenant, each ward's staff see their own task and no
 * other municipality sees any.
 */
@MuniFlowIntegrationTest
class CampaignIT {

  private static final String MEMBER = "itCampaignMember";
  private static final String CAMPAIGN = "itCampaign";

  @LocalServerPort
  int port;

  @Autowired
  RepositoryService repository;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Autowired
  HistoryService history;

  @Autowired
  TenantRegistry registry;

  @Autowired
  org.camunda.bpm.engine.IdentityService identity;

  static List<ForbiddenModels.Case> blockInputs() {
    return ForbiddenModels.blockInputs();
  }

  @AfterEach
  void end_the_campaigns() {
    for (String key : List.of(CAMPAIGN, MEMBER)) {
      List<String> ids = runtime.createProcessInstanceQuery().processDefinitionKey(key).list().stream()
          .map(ProcessInstance::getId).toList();
      if (!ids.isEmpty()) {
        runtime.deleteProcessInstances(ids, "test ended", true, true);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("blockInputs")
  void the_modeler_api_refuses_a_building_block_it_cannot_run(ForbiddenModels.Case c) {
    long deployments = repository.createDeploymentQuery().count();
    Api.Response r = Api.as(port, "admin").post("/api/admin/deployments", Map.of("resourceName", c.resourceName(), "xml", c.xml()));

    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    List<JsonNode> violations = new ArrayList<>();
    r.json().get("violations").forEach(violations::add);
    assertThat(violations).as(r.text()).anySatisfy(v -> {
      assertThat(v.get("rule").asText()).isEqualTo(c.rule().code());
      assertThat(v.get("elementId").asText()).isEqualTo(c.elementId());
      assertThat(v.get("message").asText()).startsWith(c.elementId() + ": ");
    });
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void the_refusal_names_the_template_in_japanese_and_in_english() {
    ForbiddenModels.Case c = ForbiddenModels.blockInputs().get(0);
    Api.Response ja = Api.as(port, "admin").post("/api/admin/validate", Map.of("resourceName", c.resourceName(), "xml", c.xml()));
    Api.Response en = Api.as(port, "admin").inLanguage("en").post("/api/admin/validate",
        Map.of("resourceName", c.resourceName(), "xml", c.xml()));
    assertThat(ja.json().get("violations").get(0).get("message").asText())
        .isEqualTo("Culprit: 通知書テンプレート「subsidy.no-such-notice」はありません。");
    assertThat(en.json().get("violations").get(0).get("message").asText())
        .isEqualTo("Culprit: there is no notice template \"subsidy.no-such-notice\".");
  }

  @Test
  void a_campaign_of_the_wards_starts_one_instance_in_each_ward_seen_by_its_staff_only() {
    deploy(MEMBER + ".bpmn", member());
    deploy(CAMPAIGN + ".bpmn", campaign("wards"));

    ProcessInstance campaign = runtime.createProcessInstanceByKey(CAMPAIGN).processDefinitionWithoutTenantId()
        .businessKey("GHG-2079").setVariables(Map.of("fiscalYear", 2079, "deadline", "2079-06-30")).execute();
    List<String> wards = registry.municipalities().stream().filter(m -> m.kind() == MunicipalityKind.WARD)
        .map(Municipality::tenantId).toList();

    List<ProcessInstance> started = Await.until("the job executor starts the wards' instances", () -> {
      List<ProcessInstance> found = runtime.createProcessInstanceQuery().processDefinitionKey(MEMBER).list();
      return found.size() == wards.size() ? found : null;
    });
    assertThat(started).extracting(ProcessInstance::getTenantId).containsExactlyInAnyOrderElementsOf(wards);
    assertThat(started).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrderElementsOf(wards.stream().map(w -> "GHG-2079-" + w).toList());
    ProcessInstance chiyoda = started.stream().filter(p -> "131016".equals(p.getTenantId())).findFirst().orElseThrow();
    assertThat(runtime.getVariables(chiyoda.getId())).containsEntry("fiscalYear", 2079).containsEntry("deadline", "2079-06-30")
        .containsEntry("campaignInstanceId", campaign.getId());
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(campaign.getId()).variableName("started")
        .singleResult().getValue()).isEqualTo(wards.size());

    // each ward's staff see their own task through the engine's tenant check; a city's staff see none of them
    assertThat(asUser("staff-131016", "staff-131016", "131016")).extracting(t -> t.getTenantId()).containsExactly("131016");
    assertThat(asUser("staff-132012", "staff-132012", "132012")).isEmpty();
  }

  @Test
  void a_campaign_over_one_listed_municipality_starts_exactly_that_one() {
    deploy(MEMBER + ".bpmn", member());
    deploy(CAMPAIGN + ".bpmn", campaign("132012"));
    runtime.createProcessInstanceByKey(CAMPAIGN).processDefinitionWithoutTenantId().execute();
    List<ProcessInstance> started = Await.until("the listed municipality's instance", () -> {
      List<ProcessInstance> found = runtime.createProcessInstanceQuery().processDefinitionKey(MEMBER).list();
      return found.isEmpty() ? null : found;
    });
    assertThat(started).extracting(ProcessInstance::getTenantId).containsExactly("132012");
  }

  /** The open tasks of the member process a user sees as the engine checks them (user, group, tenant). */
  private List<org.camunda.bpm.engine.task.Task> asUser(String user, String group, String tenant) {
    identity.setAuthentication(user, List.of(group), List.of(tenant));
    try {
      return tasks.createTaskQuery().processDefinitionKey(MEMBER).list();
    } finally {
      identity.clearAuthentication();
    }
  }

  private void deploy(String name, String xml) {
    Api.Response r = Api.as(port, "admin").post("/api/admin/deployments", Map.of("resourceName", name, "xml", xml));
    // 201 a new version, 200 the same model deployed again by the other test (the modeler deploys no duplicates)
    assertThat(r.status()).as(r.toString()).isIn(200, 201);
  }

  private static String member() {
    return ForbiddenModels.model(MEMBER, """
        <bpmn:userTask id="Culprit" name="排出量を入力" camunda:candidateGroups="staff-${tenantId}"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>""",
        true);
  }

  private static String campaign(String tenants) {
    return ForbiddenModels.model(CAMPAIGN, """
        <bpmn:serviceTask id="Culprit" name="各団体に依頼" camunda:asyncBefore="true" camunda:delegateExpression="${startCampaignDelegate}"><bpmn:extensionElements><camunda:inputOutput>
        <camunda:inputParameter name="processKey">%s</camunda:inputParameter>
        <camunda:inputParameter name="tenants">%s</camunda:inputParameter>
        <camunda:inputParameter name="passVariables">fiscalYear, deadline</camunda:inputParameter>
        <camunda:inputParameter name="resultVariable">started</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>"""
        .formatted(MEMBER, tenants), true);
  }
}
