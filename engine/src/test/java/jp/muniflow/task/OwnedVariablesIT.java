package jp.muniflow.task;

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
 * The variables MuniFlow's processes keep (the application's amounts, dates, names, routing; the plan's) cannot be
 * written through Camunda's REST API or its webapps, on any path: a variable of a process instance, an execution or a
 * task (local too), a patch, a modification or a message with variables, a start, a batch. A task still completes
 * through {@code /engine-rest/task/{id}/complete} (and Tasklist's form) with its outcome variables, and nothing else.
 */
@MuniFlowIntegrationTest
class OwnedVariablesIT {

  static final int YEAR = 2041;
  static final String STAFF = "staff-131067";

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
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
  }

  private record Waiting(String applicationId, String processInstanceId, String taskId) {
  }

  /** A ward's application waiting for its review. */
  private Waiting inReview() {
    Map<String, Object> application = SubsidyFlows.application(YEAR, 1000);
    application.put("title", "変数の保護");
    JsonNode submitted = new SubsidyFlows(port).submitted(STAFF.substring("staff-".length()), application);
    String id = submitted.get("id").asText();
    String pi = started.track(submitted.get("processInstanceId").asText());
    String taskId = Await.until("review of " + id, () -> {
      JsonNode tasks = Api.as(port, "admin").get("/engine-rest/task?processInstanceId=" + pi + "&taskDefinitionKey=reviewApplication").json();
      return tasks.size() == 1 ? tasks.get(0).get("id").asText() : null;
    });
    return new Waiting(id, pi, taskId);
  }

  private static final String AMOUNT = "{\"value\":99999999,\"type\":\"Long\"}";

  @Test
  void every_rest_path_that_writes_a_kept_variable_is_refused_and_changes_nothing() {
    Waiting w = inReview();
    String pi = w.processInstanceId();
    Api admin = Api.as(port, "admin");
    String execution = admin.get("/engine-rest/task/" + w.taskId()).json().get("executionId").asText();
    String activityInstance = admin.get("/engine-rest/process-instance/" + pi + "/activity-instances").json()
        .get("childActivityInstances").get(0).get("id").asText();

    List<Api.Response> refused = List.of(
        admin.put("/engine-rest/task/" + w.taskId() + "/variables/requestedAmount", AMOUNT),
        admin.put("/engine-rest/task/" + w.taskId() + "/localVariables/requestedAmount", AMOUNT),
        admin.put("/engine-rest/process-instance/" + pi + "/variables/requestedAmount", AMOUNT),
        admin.put("/engine-rest/execution/" + execution + "/localVariables/grantedAmount", AMOUNT),
        admin.post("/engine-rest/process-instance/" + pi + "/variables",
            "{\"modifications\":{\"title\":{\"value\":\"別の事業\",\"type\":\"String\"}}}"),
        admin.post("/engine-rest/process-instance/" + pi + "/variables", "{\"deletions\":[\"decidingSecretariat\"]}"),
        admin.send("DELETE", "/engine-rest/process-instance/" + pi + "/variables/reviewersGroup"),
        admin.post("/engine-rest/task/" + w.taskId() + "/variables", "{\"modifications\":{\"applicationId\":"
            + "{\"value\":\"2041-131016-001\",\"type\":\"String\"}}}"),
        admin.post("/engine-rest/process-instance/" + pi + "/modification", "{\"instructions\":[{\"type\":"
            + "\"startBeforeActivity\",\"activityId\":\"reviewApplication\",\"ancestorActivityInstanceId\":\""
            + activityInstance + "\",\"variables\":{\"requestedAmount\":" + AMOUNT + "}}]}"),
        admin.post("/engine-rest/message", "{\"messageName\":\"withdrawApplication\",\"processInstanceId\":\"" + pi
            + "\",\"processVariables\":{\"requestedAmount\":" + AMOUNT + "}}"),
        admin.post("/engine-rest/process-definition/key/subsidyReview/start",
            "{\"businessKey\":\"" + w.applicationId() + "\",\"variables\":{\"applicationId\":{\"value\":\""
                + w.applicationId() + "\",\"type\":\"String\"}}}"),
        admin.post("/engine-rest/process-instance/variables-async", "{\"processInstanceIds\":[\"" + pi + "\"],"
            + "\"variables\":{\"requestedAmount\":" + AMOUNT + "}}"));
    for (Api.Response r : refused) {
      assertThat(r.status()).as(r.toString()).isEqualTo(400);
      assertThat(r.text()).as(r.toString()).contains("MuniFlow");
    }
    assertThat(refused.get(0).text()).contains("requestedAmount");

    BrowserSession cockpit = BrowserSession.signIn(port, "admin");
    cockpit.get("/camunda/app/cockpit/default/");
    var webapp = cockpit.send("PUT", "/camunda/api/engine/engine/default/process-instance/" + pi
        + "/variables/requestedAmount", AMOUNT, "X-XSRF-TOKEN", cockpit.cookie("XSRF-TOKEN"));
    assertThat(webapp.statusCode()).as(webapp.body()).isEqualTo(400);

    Map<String, Object> variables = runtime.getVariables(pi);
    assertThat(variables).containsEntry("requestedAmount", 1000L).containsEntry("title", "変数の保護")
        .containsEntry("decidingSecretariat", "kyogikai").containsEntry("reviewersGroup", "kyogikai-reviewers")
        .containsEntry("applicationId", w.applicationId());
    assertThat(admin.get("/engine-rest/task?processInstanceId=" + pi).json()).as("no second review task").hasSize(1);
    assertThat(admin.get("/engine-rest/process-instance?businessKey=" + w.applicationId()).json()).as("no second instance")
        .hasSize(1);
    assertThat(Api.as(port, STAFF).get("/api/subsidy-applications/" + w.applicationId()).json().path("application")
        .path("status").asText()).isEqualTo("IN_REVIEW");
  }

  @Test
  void a_task_completes_through_the_rest_api_with_its_outcome_and_nothing_else() {
    Waiting w = inReview();
    Api admin = Api.as(port, "admin");
    Api.Response withMore = admin.post("/engine-rest/task/" + w.taskId() + "/complete", "{\"variables\":{"
        + "\"decision\":{\"value\":\"forward\"},\"comment\":{\"value\":\"\"},\"requestedAmount\":" + AMOUNT + "}}");
    assertThat(withMore.status()).as(withMore.toString()).isEqualTo(400);
    assertThat(withMore.text()).contains("requestedAmount");
    assertThat(admin.get("/engine-rest/task/" + w.taskId()).status()).as("the task is still open").isEqualTo(200);

    Api.Response outcome = admin.post("/engine-rest/task/" + w.taskId() + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"forward\"},\"comment\":{\"value\":\"REST で確認\"}}}");
    assertThat(outcome.status()).as(outcome.toString()).isEqualTo(204);
    String decide = Await.until("decideGrant", () -> {
      JsonNode tasks = admin.get("/engine-rest/task?processInstanceId=" + w.processInstanceId()).json();
      return tasks.size() == 1 && "decideGrant".equals(tasks.get(0).get("taskDefinitionKey").asText())
          ? tasks.get(0).get("id").asText() : null;
    });

    // Tasklist completes through the webapps' own REST API, with the form's variables
    BrowserSession tasklist = BrowserSession.signIn(port, "admin");
    tasklist.get("/camunda/app/tasklist/default/");
    var submitted = tasklist.send("POST", "/camunda/api/engine/engine/default/task/" + decide + "/submit-form",
        "{\"variables\":{\"decision\":{\"value\":\"grant\"},\"grantedAmount\":{\"value\":900,\"type\":\"Long\"},"
            + "\"comment\":{\"value\":\"\"}}}", "X-XSRF-TOKEN", tasklist.cookie("XSRF-TOKEN"));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    assertThat(Await.until("granted", () -> {
      String status = Api.as(port, STAFF).get("/api/subsidy-applications/" + w.applicationId()).json().path("application")
          .path("status").asText();
      return "GRANTED".equals(status) ? status : null;
    })).isEqualTo("GRANTED");
  }

  @Test
  void a_variable_the_processes_do_not_keep_may_still_be_written() {
    Waiting w = inReview();
    Api.Response r = Api.as(port, "admin").put("/engine-rest/process-instance/" + w.processInstanceId() + "/variables/note",
        "{\"value\":\"電話で確認済み\",\"type\":\"String\"}");
    assertThat(r.status()).as(r.toString()).isEqualTo(204);
  }
}
