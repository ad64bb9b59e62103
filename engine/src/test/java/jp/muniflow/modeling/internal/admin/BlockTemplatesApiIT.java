package jp.muniflow.modeling.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.muniflow.modeling.internal.gate.ForbiddenModels;
import jp.muniflow.processes.block.BlockInput;
import jp.muniflow.processes.block.BuildingBlock;
import jp.muniflow.support.Api;
import jp.muniflow.support.MuniFlowIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The building blocks' element templates and the start of an instance from the modeler page, over HTTP: every
 * building block of the running application has its template with exactly its inputs, in the caller's language;
 * only administrators get them or start anything; a wrong variable is a problem and starts nothing.
 */
@MuniFlowIntegrationTest
class BlockTemplatesApiIT {

  private static final String KEY = "itStartFromModeler";

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  RepositoryService repository;

  @Autowired
  RuntimeService runtime;

  @Test
  void every_building_block_of_the_application_has_its_template_with_exactly_its_inputs() {
    Api.Response ja = Api.as(port, "admin").get("/api/admin/element-templates");
    Api.Response en = Api.as(port, "admin").inLanguage("en").get("/api/admin/element-templates");
    assertThat(ja.status()).as(ja.toString()).isEqualTo(200);

    Map<String, BuildingBlock> blocks = context.getBeansOfType(BuildingBlock.class);
    assertThat(blocks).containsKeys("issueNoticeDelegate", "startCampaignDelegate", "collectCampaignEntryDelegate",
        "publishCampaignTableDelegate");
    List<String> ids = new ArrayList<>();
    ja.json().forEach(t -> ids.add(t.get("id").asText()));
    assertThat(ids).containsExactlyInAnyOrderElementsOf(blocks.keySet().stream().map(b -> "muniflow.block." + b).toList());
    blocks.forEach((bean, block) -> {
      JsonNode template = find(ja.json(), "muniflow.block." + bean);
      List<String> inputs = new ArrayList<>();
      template.get("properties").forEach(p -> {
        if ("camunda:inputParameter".equals(p.get("binding").get("type").asText())) {
          inputs.add(p.get("binding").get("name").asText());
        }
      });
      assertThat(inputs).as(bean).containsExactlyElementsOf(block.inputs().stream().map(BlockInput::name).toList());
    });
    assertThat(find(ja.json(), "muniflow.block.issueNoticeDelegate").get("name").asText()).isEqualTo("通知書の発行");
    assertThat(find(en.json(), "muniflow.block.issueNoticeDelegate").get("name").asText()).isEqualTo("Issue a notice");
  }

  @Test
  void only_administrators_get_the_templates() {
    assertThat(Api.as(port, "staff-131016").get("/api/admin/element-templates").status()).isEqualTo(403);
    assertThat(Api.as(port, "reviewer-kuchokai").get("/api/admin/element-templates").status()).isEqualTo(403);
    assertThat(Api.anonymous(port).get("/api/admin/element-templates").status()).isEqualTo(401);
  }

  @Test
  void an_administrator_starts_a_version_with_typed_variables_and_a_wrong_name_starts_nothing() {
    String xml = ForbiddenModels.model(KEY, """
        <bpmn:userTask id="Culprit" name="確認" camunda:candidateGroups="admins"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>""",
        true);
    Api.Response deployed = Api.as(port, "admin").post("/api/admin/deployments", Map.of("resourceName", KEY + ".bpmn", "xml", xml));
    assertThat(deployed.status()).as(deployed.toString()).isIn(200, 201);
    String id = repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult().getId();
    String path = "/api/admin/definitions/" + id + "/instances";

    Api.Response wrong = Api.as(port, "admin").post(path, Map.of("businessKey", "IT-2091",
        "variables", Map.of("fiscal year", "2091")));
    assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
    assertThat(wrong.text()).contains("「fiscal year」は変数名にできません");
    assertThat(Api.as(port, "staff-131016").post(path, Map.of("variables", Map.of())).status()).isEqualTo(403);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();

    Api.Response started = Api.as(port, "admin").post(path, Map.of("businessKey", "IT-2091",
        "variables", Map.of("fiscalYear", "2091", "issuer", "kuchokai")));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(started.json().get("id").asText())
        .singleResult();
    assertThat(instance.getBusinessKey()).isEqualTo("IT-2091");
    assertThat(runtime.getVariables(instance.getId())).containsEntry("fiscalYear", 2091).containsEntry("issuer", "kuchokai");
    // who started which version is in the audit log, as a deployment is
    Api.Response log = Api.as(port, "admin").get("/api/admin/audit?action=instance-started&q=IT-2091");
    assertThat(log.status()).as(log.toString()).isEqualTo(200);
    assertThat(log.text()).contains("process-instance/" + instance.getId()).contains(KEY + " v").contains("IT-2091");
    runtime.deleteProcessInstance(instance.getId(), "test ended");
  }

  private static JsonNode find(JsonNode templates, String id) {
    for (JsonNode t : templates) {
      if (id.equals(t.get("id").asText())) {
        return t;
      }
    }
    throw new AssertionError("no template " + id);
  }
}
