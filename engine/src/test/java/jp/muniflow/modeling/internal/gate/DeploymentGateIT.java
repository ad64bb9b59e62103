package jp.muniflow.modeling.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import jp.muniflow.support.Api;
import jp.muniflow.support.Multipart;
import jp.muniflow.support.MuniFlowIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The gate on the two ways in that an administrator has: MuniFlow's modeler API and Camunda's own REST API
 * ({@code /engine-rest/deployment/create}, as Camunda Modeler and scripts use it). Every forbidden construct is
 * refused with its element named, nothing is deployed, nothing runs, and the refusal is in the audit log.
 */
@MuniFlowIntegrationTest
class DeploymentGateIT {

  @LocalServerPort
  int port;

  @Autowired
  RepositoryService repository;

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  MessageSource messages;

  @Autowired
  MarkerBean markerBean;

  static Stream<ForbiddenModels.Case> forbidden() {
    return ForbiddenModels.all().stream();
  }

  @AfterEach
  void nothing_ever_ran() {
    assertThat(MarkerDelegate.RUNS.get()).as("camunda:class ran").isZero();
    assertThat(markerBean.marks.get()).as("an expression called a bean").isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forbidden")
  void the_modeler_api_refuses_each_forbidden_construct(ForbiddenModels.Case c) {
    EngineState before = state();
    Api.Response r = Api.as(port, "admin").post("/api/admin/deployments",
        Map.of("resourceName", c.resourceName(), "xml", c.xml()));

    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.contentType()).startsWith("application/problem+json");
    List<JsonNode> violations = new ArrayList<>();
    r.json().get("violations").forEach(violations::add);
    assertThat(violations).as(r.text()).anySatisfy(v -> {
      assertThat(v.get("rule").asText()).isEqualTo(c.rule().code());
      assertThat(v.get("elementId").asText()).isEqualTo(c.elementId());
      assertThat(v.get("message").asText()).contains(c.elementId()).contains(ruleText(c.rule(), Locale.JAPANESE));
    });
    assertThat(state()).isEqualTo(before);
    assertRefusalAudited(c.resourceName());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forbidden")
  void camunda_rest_refuses_each_forbidden_construct(ForbiddenModels.Case c) {
    EngineState before = state();
    String name = "rest-" + c.name();
    Api.Response r = deployThroughCamundaRest(name, Map.of(c.resourceName(), c.xml().getBytes(StandardCharsets.UTF_8)), "ja");

    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    String message = r.json().get("message").asText();
    assertThat(message).contains(c.elementId()).contains(ruleText(c.rule(), Locale.JAPANESE)).contains("何もデプロイされていません");
    assertThat(state()).isEqualTo(before);
    assertRefusalAudited(name);
  }

  @Test
  void camunda_rest_answers_in_english_when_asked() {
    ForbiddenModels.Case c = ForbiddenModels.all().get(0);
    Api.Response r = deployThroughCamundaRest("rest-english", Map.of(c.resourceName(), c.xml().getBytes(StandardCharsets.UTF_8)), "en");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").asText()).contains("Nothing was deployed").contains(c.elementId())
        .contains(ruleText(c.rule(), Locale.ENGLISH));
  }

  @Test
  void all_violations_of_a_deployment_are_listed_at_once_and_nothing_of_it_is_deployed() {
    EngineState before = state();
    Multipart files = new Multipart().field("deployment-name", "rest-many");
    for (ForbiddenModels.Case c : ForbiddenModels.all()) {
      files.file(c.resourceName(), c.xml().getBytes(StandardCharsets.UTF_8));
    }
    files.file("gate-allowed.bpmn", resource("gate-allowed.bpmn"));
    Api.Response r = Api.as(port, "admin").postRaw("/engine-rest/deployment/create", files.contentType(), files.body());

    assertThat(r.status()).isEqualTo(400);
    String message = r.json().get("message").asText();
    for (ForbiddenModels.Case c : ForbiddenModels.all()) {
      assertThat(message).as(c.name()).contains(c.elementId());
    }
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void an_external_entity_is_never_read(@TempDir Path dir) throws IOException {
    String secret = "MF-SECRET-" + UUID.randomUUID();
    Path file = Files.writeString(dir.resolve("secret.txt"), secret);
    ForbiddenModels.Case c = ForbiddenModels.externalEntity(file.toUri().toString());
    EngineState before = state();

    Api.Response viaModeler = Api.as(port, "admin").post("/api/admin/deployments",
        Map.of("resourceName", c.resourceName(), "xml", c.xml()));
    Api.Response viaRest = deployThroughCamundaRest("rest-xxe", Map.of(c.resourceName(), c.xml().getBytes(StandardCharsets.UTF_8)), "ja");
    Api.Response validated = Api.as(port, "admin").post("/api/admin/validate",
        Map.of("resourceName", c.resourceName(), "xml", c.xml()));

    assertThat(viaModeler.status()).isEqualTo(422);
    assertThat(viaModeler.text()).contains(Rule.DOCTYPE.code()).doesNotContain(secret);
    assertThat(viaRest.status()).isEqualTo(400);
    assertThat(viaRest.text()).contains("DOCTYPE").doesNotContain(secret);
    assertThat(validated.text()).contains(Rule.DOCTYPE.code()).doesNotContain(secret);
    assertThat(state()).isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from mf_audit_event where details like ? or target like ?")
        .params("%" + secret + "%", "%" + secret + "%").query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from ACT_GE_BYTEARRAY where NAME_ like ?").param("%xxe%").query(Long.class).single()).isZero();
  }

  @Test
  void the_model_with_every_allowed_construct_deploys_through_camunda_rest_and_the_modeler() {
    EngineState before = state();
    Api.Response r = deployThroughCamundaRest("gate-allowed", Map.of(
        "gate-allowed.bpmn", resource("gate-allowed.bpmn"),
        "gate-routing.dmn", resource("gate-routing.dmn"),
        "gate-application.form", resource("gate-application.form")), "ja");

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("gateAllowed").count()).isPositive();
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("gateRouting").count()).isPositive();
    assertThat(state().deployments()).isEqualTo(before.deployments() + 1);
    // recorded with who, what, and the SHA-256 of each of the three files
    String deploymentId = r.json().get("id").asText();
    long eventId = jdbc.sql("select id from mf_audit_event where action = 'deployment' and target = ? and actor = 'admin'"
        + " and details like '%gateAllowed:%' and details like '%gateRouting:%'").param(deploymentId).query(Long.class).single();
    assertThat(jdbc.sql("select name || '=' || sha256 from mf_audit_resource where event_id = ? order by name").param(eventId)
        .query(String.class).list()).containsExactly(
            "gate-allowed.bpmn=" + new DeploymentResource("x", resource("gate-allowed.bpmn")).sha256(),
            "gate-application.form=" + new DeploymentResource("x", resource("gate-application.form")).sha256(),
            "gate-routing.dmn=" + new DeploymentResource("x", resource("gate-routing.dmn")).sha256());

    Api.Response forTenant = Api.as(port, "admin").post("/api/admin/deployments", Map.of(
        "resourceName", "gate-allowed.bpmn", "xml", new String(resource("gate-allowed.bpmn"), StandardCharsets.UTF_8),
        "tenantId", "131016"));
    assertThat(forTenant.status()).as(forTenant.toString()).isEqualTo(201);
    assertThat(forTenant.json().get("tenantId").asText()).isEqualTo("131016");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("gateAllowed").tenantIdIn("131016").count())
        .isEqualTo(1);
  }

  @Test
  void validate_lists_every_violation_without_deploying() {
    EngineState before = state();
    String xml = ForbiddenModels.model("gateValidate", """
        <bpmn:serviceTask id="Culprit" camunda:class="x.Y" camunda:expression="${markerBean.mark()}"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>""",
        true);
    Api.Response r = Api.as(port, "admin").inLanguage("en").post("/api/admin/validate",
        Map.of("resourceName", "gate-validate.bpmn", "xml", xml));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("valid").asBoolean()).isFalse();
    List<String> rules = new ArrayList<>();
    r.json().get("violations").forEach(v -> rules.add(v.get("rule").asText()));
    assertThat(rules).containsExactlyInAnyOrder("java-class", "method-call");
    assertThat(r.json().get("violations").get(0).get("message").asText()).startsWith("Culprit: ");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void dmn_expressions_without_a_language_are_feel_in_this_engine() {
    var dmn = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngineConfiguration();
    assertThat(List.of(dmn.getDefaultInputExpressionExpressionLanguage(), dmn.getDefaultInputEntryExpressionLanguage(),
        dmn.getDefaultOutputEntryExpressionLanguage(), dmn.getDefaultLiteralExpressionLanguage()))
        .allSatisfy(language -> assertThat(language).isIn("feel", "http://www.omg.org/spec/FEEL/20140401"));
  }

  @Test
  void only_administrators_reach_the_modeler_api() {
    assertThat(Api.as(port, "staff-131016").get("/api/admin/definitions").status()).isEqualTo(403);
    assertThat(Api.as(port, "manager-kyogikai").post("/api/admin/validate", Map.of("resourceName", "a.bpmn", "xml", "<x/>"))
        .status()).isEqualTo(403);
    assertThat(Api.anonymous(port).get("/api/admin/audit").status()).isEqualTo(401);
  }

  private Api.Response deployThroughCamundaRest(String name, Map<String, byte[]> files, String language) {
    Multipart body = new Multipart().field("deployment-name", name).field("deployment-source", "gate-test");
    files.forEach(body::file);
    return Api.as(port, "admin").inLanguage(language).postRaw("/engine-rest/deployment/create", body.contentType(), body.body());
  }

  private void assertRefusalAudited(String deploymentName) {
    assertThat(jdbc.sql("select count(*) from mf_audit_event where action = 'deployment-refused' and target = ? and actor = 'admin'")
        .param(deploymentName).query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from mf_audit_event where action = 'deployment' and details like ?")
        .param("name=" + deploymentName + ";%").query(Long.class).single()).isZero();
  }

  /** The rule's message up to its first placeholder after the element id: the same in every message of that rule. */
  private String ruleText(Rule rule, Locale locale) {
    String text = messages.getMessage(rule.messageKey(), new Object[] {"\u0001", "\u0002", "\u0003"}, locale);
    int start = text.indexOf('\u0001') + 1;
    int end = text.indexOf('\u0002');
    return (end < 0 ? text.substring(start) : text.substring(start, end)).strip();
  }

  private EngineState state() {
    return EngineState.of(repository, jdbc);
  }

  private static byte[] resource(String name) {
    try (InputStream in = DeploymentGateIT.class.getResourceAsStream("/gate/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
