package jp.muniflow.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.TestGrantRules;
import jp.muniflow.support.MuniFlowIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bulk actions: a reviewer confirms 30 performance reports in one action; one of them, claimed meanwhile by another
 * reviewer, is refused alone with its reason, and the 29 others are done. The request's own limits refuse the whole
 * request before anything changes.
 */
@MuniFlowIntegrationTest
class ReportReviewsInBulkIT {

  static final int YEAR = 2043;
  static final int REPORTS = 30;
  static final String OTHER = "reviewer2-kyogikai";
  static final String OTHER_PASSWORD = "Second-reviewer-2043";
  static final List<String> WARDS = List.of("131016", "131024", "131032", "131041", "131059", "131067");

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  RuntimeService runtime;

  @Autowired
  IdentityService identity;

  private SubsidyFlows flows;

  @BeforeEach
  void setUp() {
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    flows = new SubsidyFlows(port);
    if (identity.createUserQuery().userId(OTHER).count() == 0) {
      User user = identity.newUser(OTHER);
      user.setPassword(OTHER_PASSWORD);
      user.setFirstName("審査担当2");
      user.setLastName("特別区協議会");
      identity.saveUser(user);
      identity.createMembership(OTHER, "kyogikai-reviewers");
    }
  }

  /** The confirmations' notices may still be rendering: an instance a job is changing is deleted at the next try. */
  @AfterEach
  void endTheYearsProcesses() throws InterruptedException {
    for (int attempt = 0; attempt < 20; attempt++) {
      var left = runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(YEAR + "-%").list();
      if (left.isEmpty()) {
        return;
      }
      for (var p : left) {
        try {
          runtime.deleteProcessInstance(p.getId(), "test finished", true, true);
        } catch (org.camunda.bpm.engine.ProcessEngineException e) {
          // a job changed it meanwhile, or ended it
        }
      }
      Thread.sleep(250);
    }
  }

  @Test
  void thirty_report_reviews_in_one_action_one_changed_meanwhile_is_refused_alone_with_its_reason() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < REPORTS; i++) {
      ids.add(flows.submit(WARDS.get(i % WARDS.size()), YEAR, 10_000));
    }
    for (String id : ids) {
      flows.complete("reviewer-kyogikai", flows.awaitTask("reviewer-kyogikai", id, "reviewApplication"), "decision", "forward");
    }
    for (String id : ids) {
      flows.complete("manager-kyogikai", flows.awaitTask("manager-kyogikai", id, "decideGrant"), "decision", "grant",
          "grantedAmount", 10_000);
    }
    for (String id : ids) {
      String staff = "staff-" + id.split("-")[1];
      assertThat(flows.report(staff, id, "actualCost", 12_000,
          "report", "LED照明に更新した。").status()).isEqualTo(204);
    }
    List<String> taskIds = new ArrayList<>();
    for (String id : ids) {
      taskIds.add(flows.awaitTask("reviewer-kyogikai", id, "reviewPerformanceReport").get("id").asText());
    }

    // the request's own limits refuse it whole, before anything changes
    List<String> tooMany = new ArrayList<>(Collections.nCopies(101, "x"));
    for (int i = 0; i < tooMany.size(); i++) {
      tooMany.set(i, "task-" + i);
    }
    Api.Response refused = bulk("reviewer-kyogikai", "complete", tooMany, Map.of("decision", "confirm"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text()).contains("100件まで");
    String decideTask = openDecision();
    Api.Response mixed = bulk("manager-kyogikai", "claim", List.of(decideTask, taskIds.get(0)), null);
    assertThat(mixed.status()).as("the manager sees only the decision: not mixed, the other not found").isEqualTo(200);
    Api.Response notBulk = bulk("manager-kyogikai", "complete", List.of(decideTask), Map.of("decision", "reject"));
    assertThat(notBulk.status()).isEqualTo(422);
    assertThat(notBulk.json().get("detail").asText()).contains("一括では完了できません");

    // meanwhile another reviewer takes one of them
    String taken = taskIds.get(17);
    assertThat(Api.as(port, OTHER, OTHER_PASSWORD).post("/api/tasks/" + taken + "/claim").status()).isEqualTo(204);

    Api.Response claimed = bulk("reviewer-kyogikai", "claim", taskIds, null);
    assertThat(claimed.status()).isEqualTo(200);
    assertThat(claimed.json().get("done").asInt()).isEqualTo(REPORTS - 1);
    assertThat(claimed.json().get("refused").asInt()).isEqualTo(1);

    Api.Response completed = bulk("reviewer-kyogikai", "complete", taskIds,
        Map.of("decision", "confirm", "comment", "実績報告を確認しました。"));
    assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
    JsonNode results = completed.json().get("results");
    assertThat(results).hasSize(REPORTS);
    assertThat(completed.json().get("done").asInt()).isEqualTo(REPORTS - 1);
    for (int i = 0; i < REPORTS; i++) {
      JsonNode r = results.get(i);
      assertThat(r.get("taskId").asText()).as("results in the order asked").isEqualTo(taskIds.get(i));
      if (i == 17) {
        assertThat(r.get("status").asText()).isEqualTo("refused");
        assertThat(r.get("reasonKey").asText()).isEqualTo("task.already-claimed");
        assertThat(r.get("reason").asText()).isEqualTo("このタスクは他の担当者が引き受けています。");
        assertThat(r.get("businessKey").asText()).isEqualTo(ids.get(17));
      } else {
        assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("done");
      }
    }

    // the 29 are confirmed; the one refused is as the other reviewer left it
    for (int i = 0; i < REPORTS; i++) {
      if (i != 17) {
        flows.awaitStatus("staff-" + ids.get(i).split("-")[1], ids.get(i), "CONFIRMED");
      }
    }
    assertThat(flows.application("reviewer-kyogikai", ids.get(17)).path("application").path("status").asText())
        .isEqualTo("REPORTED");
    JsonNode stillOpen = null;
    for (JsonNode t : Api.as(port, OTHER, OTHER_PASSWORD).get("/api/tasks?size=500").json()) {
      if (ids.get(17).equals(t.path("businessKey").asText())) {
        stillOpen = t;
      }
    }
    assertThat(stillOpen).isNotNull();
    assertThat(stillOpen.get("assignee").asText()).isEqualTo(OTHER);
    // in English too
    Api.Response english = Api.as(port, "reviewer-kyogikai").inLanguage("en").post("/api/tasks/bulk/complete",
        Map.of("taskIds", List.of(taken), "variables", Map.of("decision", "confirm")));
    assertThat(english.json().get("results").get(0).get("reason").asText()).isEqualTo("Someone else has claimed this task.");
  }

  private String openDecision() {
    String id = flows.submit("131075", YEAR, 10_000);
    flows.complete("reviewer-kyogikai", flows.awaitTask("reviewer-kyogikai", id, "reviewApplication"), "decision", "forward");
    return Await.until("the decision", () -> flows.findTask("manager-kyogikai", id, "decideGrant")).get("id").asText();
  }

  private Api.Response bulk(String user, String action, List<String> taskIds, Map<String, Object> variables) {
    return Api.as(port, user).post("/api/tasks/bulk/" + action,
        variables == null ? Map.of("taskIds", taskIds) : Map.of("taskIds", taskIds, "variables", variables));
  }
}
