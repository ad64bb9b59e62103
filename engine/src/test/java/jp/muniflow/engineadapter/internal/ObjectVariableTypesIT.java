package jp.muniflow.engineadapter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import jp.muniflow.subsidy.SubsidyFlows;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.StartedInstances;
import jp.muniflow.support.Await;
import jp.muniflow.support.BrowserSession;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.TestGrantRules;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An object variable holds one of a few plain types (lists and maps of strings, numbers and booleans, as JSON) on every
 * path: anything else is refused when it is written, 400 with the reason, and the process goes on. Before, a variable
 * typed {@code java.lang.ProcessBuilder} was taken (204) and the reviewer's next completion failed with 500.
 */
@MuniFlowIntegrationTest
class ObjectVariableTypesIT {

  private static final String PROCESS_BUILDER = "{\"value\":\"{}\",\"type\":\"Object\",\"valueInfo\":"
      + "{\"objectTypeName\":\"java.lang.ProcessBuilder\",\"serializationDataFormat\":\"application/json\"}}";

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  RuntimeService runtime;

  private final StartedInstances started = new StartedInstances();

  @AfterEach
  void endWhatIsLeft() {
    started.endAll(runtime);
  }

  @BeforeEach
  void openYear() {
    years.open(2041, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
  }

  /** A ward's application waiting for its review; returns the review task. */
  private JsonNode reviewTask() {
    JsonNode submitted = new SubsidyFlows(port).submitted("131041", SubsidyFlows.application(2041, 1000));
    String id = submitted.get("id").asText();
    started.track(submitted.get("processInstanceId").asText());
    return Await.until("review of " + id, () -> {
      for (JsonNode t : Api.as(port, "reviewer-kyogikai").get("/api/tasks?size=500").json()) {
        if (id.equals(t.path("businessKey").asText()) && "reviewApplication".equals(t.path("taskDefinitionKey").asText())) {
          return t;
        }
      }
      return null;
    });
  }

  private static String object(String typeName, String json) {
    return "{\"value\":" + quoted(json) + ",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"" + typeName
        + "\",\"serializationDataFormat\":\"application/json\"}}";
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Test
  void a_variable_of_any_java_type_is_refused_on_every_path_and_the_review_goes_on() {
    JsonNode task = reviewTask();
    String pi = task.path("processInstanceId").asText(null);
    String taskId = task.get("id").asText();
    if (pi == null) {
      pi = Api.as(port, "admin").get("/engine-rest/task/" + taskId).json().get("processInstanceId").asText();
    }
    Api admin = Api.as(port, "admin");
    List<Api.Response> refused = List.of(
        admin.put("/engine-rest/process-instance/" + pi + "/variables/tool", PROCESS_BUILDER),
        admin.put("/engine-rest/task/" + taskId + "/localVariables/tool", PROCESS_BUILDER),
        admin.put("/engine-rest/task/" + taskId + "/variables/tool", PROCESS_BUILDER),
        admin.post("/engine-rest/process-instance/" + pi + "/variables", "{\"modifications\":{\"tool\":" + PROCESS_BUILDER + "}}"),
        admin.post("/engine-rest/process-instance/variables-async", "{\"processInstanceIds\":[\"" + pi + "\"],"
            + "\"variables\":{\"tool\":" + PROCESS_BUILDER + "}}"),
        admin.put("/engine-rest/process-instance/" + pi + "/variables/tool",
            object("java.util.ArrayList<java.lang.ProcessBuilder>", "[{}]")),
        admin.put("/engine-rest/process-instance/" + pi + "/variables/tool",
            "{\"value\":\"<a/>\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\","
                + "\"serializationDataFormat\":\"application/xml\"}}"));
    for (Api.Response r : refused) {
      assertThat(r.status()).as(r.toString()).isEqualTo(400);
      assertThat(r.text()).as(r.toString()).contains("java.util.ArrayList");
    }

    BrowserSession cockpit = BrowserSession.signIn(port, "admin");
    cockpit.get("/camunda/app/cockpit/default/");
    var webapp = cockpit.send("PUT", "/camunda/api/engine/engine/default/process-instance/" + pi + "/variables/tool",
        PROCESS_BUILDER, "X-XSRF-TOKEN", cockpit.cookie("XSRF-TOKEN"));
    assertThat(webapp.statusCode()).as(webapp.body()).isEqualTo(400);

    assertThat(admin.get("/engine-rest/process-instance/" + pi + "/variables/tool").status()).as("nothing stored")
        .isEqualTo(404);
    Api.Response completed = Api.as(port, "reviewer-kyogikai").post("/api/tasks/" + taskId + "/complete",
        Map.of("decision", "forward", "comment", "確認しました"));
    assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
  }

  @Test
  void plain_json_lists_and_maps_are_taken() {
    JsonNode task = reviewTask();
    String pi = Api.as(port, "admin").get("/engine-rest/task/" + task.get("id").asText()).json().get("processInstanceId").asText();
    Api admin = Api.as(port, "admin");
    for (String value : List.of(object("java.util.ArrayList<java.lang.String>", "[\"a\",\"b\"]"),
        object("java.util.LinkedHashMap<java.lang.String,java.lang.Object>", "{\"a\":1,\"b\":[true]}"),
        "{\"value\":\"[1,2]\",\"type\":\"Json\"}")) {
      Api.Response r = admin.put("/engine-rest/process-instance/" + pi + "/variables/notes", value);
      assertThat(r.status()).as(value + " → " + r).isEqualTo(204);
      assertThat(admin.get("/engine-rest/process-instance/" + pi + "/variables/notes").status()).isEqualTo(200);
    }
  }
}
