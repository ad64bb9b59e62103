package jp.muniflow.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.MuniFlowPostgresTest;
import jp.muniflow.support.TestGrantRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole lifecycle through the API on PostgreSQL, for a ward, a city and a village: the right secretariat's users
 * get each task and nobody else does, and the expected notices exist, in order, each with its number.
 */
@MuniFlowPostgresTest
class SubsidyLifecycleIT {

  private static final List<String> ALL_USERS = List.of("reviewer-kuchokai", "manager-kuchokai", "reviewer-shichokai",
      "manager-shichokai", "reviewer-chosonkai", "manager-chosonkai", "reviewer-kyogikai", "manager-kyogikai",
      "reviewer-chosakai", "manager-chosakai");

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  private SubsidyFlows flows;

  @BeforeEach
  void openYear() {
    years.open(2026, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    flows = new SubsidyFlows(port);
  }

  /** Asserts that the task is offered to {@code owner} and to none of the other users who could look. */
  private JsonNode onlyFor(String owner, String applicationId, String taskKey, String municipality) {
    JsonNode task = flows.awaitTask(owner, applicationId, taskKey);
    List<String> others = new ArrayList<>(ALL_USERS);
    others.add("staff-" + municipality);
    others.add("staff-131016".equals("staff-" + municipality) ? "staff-132012" : "staff-131016");
    others.remove(owner);
    for (String other : others) {
      assertThat(flows.seesAnyTaskOf(other, applicationId)).as(other + " must not see " + taskKey).isFalse();
    }
    return task;
  }

  @ParameterizedTest(name = "{0}: reviewed by {1}, decided by {2}")
  @CsvSource({
      "131016, kyogikai, kyogikai, 特区協",
      "132012, shichokai, shichokai, 東市長",
      "133078, chosonkai, shichokai, 東市長"})
  void from_submission_to_confirmation(String municipality, String reviewing, String deciding, String prefix) {
    String staff = "staff-" + municipality;
    String id = flows.submit(municipality, 2026, 1_000_000);

    JsonNode review = onlyFor("reviewer-" + reviewing, id, "reviewApplication", municipality);
    assertThat(review.get("tenantId").asText()).isEqualTo(municipality);
    assertThat(flows.complete("reviewer-" + reviewing, review, "decision", "forward", "comment", "内容を確認しました").status())
        .isEqualTo(204);

    JsonNode decide = onlyFor("manager-" + deciding, id, "decideGrant", municipality);
    // more than the application asked for is refused, naming the field and the requested amount; the task stays open
    Api.Response tooMuch = flows.complete("manager-" + deciding, decide, "decision", "grant", "grantedAmount", 1_000_001,
        "comment", "適当と認める");
    assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(400);
    assertThat(tooMuch.text()).contains("grantedAmount").contains("1,000,000");
    assertThat(onlyFor("manager-" + deciding, id, "decideGrant", municipality).get("id").asText())
        .isEqualTo(decide.get("id").asText());
    assertThat(flows.complete("manager-" + deciding, decide, "decision", "grant", "grantedAmount", 900_000,
        "comment", "適当と認める").status()).isEqualTo(204);

    JsonNode report = onlyFor(staff, id, "submitPerformanceReport", municipality);
    assertThat(flows.complete(staff, report, "actualCost", 950_000, "report", "計画どおり実施した。").status()).isEqualTo(204);

    JsonNode check = onlyFor("reviewer-" + reviewing, id, "reviewPerformanceReport", municipality);
    assertThat(flows.complete("reviewer-" + reviewing, check, "decision", "confirm").status()).isEqualTo(204);

    flows.awaitStatus(staff, id, "CONFIRMED");
    JsonNode detail = flows.application(staff, id);
    assertThat(detail.get("confirmedAmount").asLong()).isEqualTo(900_000L);
    assertThat(detail.get("application").get("grantedAmount").asLong()).isEqualTo(900_000L);
    assertThat(detail.get("currentSteps")).isEmpty();
    List<String> steps = new ArrayList<>();
    detail.get("history").forEach(s -> steps.add(s.get("step").asText()));
    assertThat(steps).containsSubsequence("reviewApplication", "decideGrant", "submitPerformanceReport",
        "reviewPerformanceReport");
    JsonNode decision = null;
    for (JsonNode s : detail.get("history")) {
      if (s.get("step").asText().equals("decideGrant")) {
        decision = s;
      }
    }
    assertThat(decision.get("who").asText()).isEqualTo("manager-" + deciding);
    assertThat(decision.get("outcome").asText()).isEqualTo("grant");
    assertThat(decision.get("comment").asText()).isEqualTo("適当と認める");

    JsonNode notices = Await.until("the confirmation notice of " + id, () -> {
      JsonNode list = Api.as(port, staff).get("/api/notices?applicationId=" + id).json();
      return list.size() == 4 ? list : null;
    });
    List<JsonNode> inOrder = new ArrayList<>();
    notices.forEach(inOrder::add);
    inOrder.sort(java.util.Comparator.comparing((JsonNode n) -> n.get("issuedAt").asText()));
    List<String> types = new ArrayList<>();
    inOrder.forEach(n -> types.add(n.get("templateKey").asText()));
    assertThat(types).containsExactly("subsidy.receipt", "subsidy.grant", "subsidy.report-receipt", "subsidy.confirmation");
    List<Integer> numbers = new ArrayList<>();
    for (JsonNode n : inOrder) {
      assertThat(n.get("documentNumber").asText()).matches("\\d+" + prefix + "第\\d+号");
      assertThat(n.get("issuerId").asText()).isEqualTo(deciding);
      numbers.add(Integer.parseInt(n.get("documentNumber").asText().replaceAll(".*第(\\d+)号", "$1")));
      assertThat(n.get("tenantId").asText()).isEqualTo(municipality);
      assertThat(n.get("addressee").asText()).endsWith("長");
    }
    assertThat(numbers).as("numbered in the order issued").isSorted();
    assertThat(flows.application(staff, id).get("notices")).hasSize(4);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"131016, kyogikai", "132012, shichokai"})
  void completing_through_camunda_rest_as_an_administrator_gives_the_same_result(String municipality, String secretariat) {
    String id = flows.submit(municipality, 2026, 100_000);
    JsonNode review = flows.awaitTask("reviewer-" + secretariat, id, "reviewApplication");
    Api.Response viaRest = Api.as(port, "admin").post("/engine-rest/task/" + review.get("id").asText() + "/complete",
        Map.of("variables", Map.of("decision", Map.of("value", "forward"), "comment", Map.of("value", "REST"))));
    assertThat(viaRest.status()).as(viaRest.toString()).isEqualTo(204);
    JsonNode decide = flows.awaitTask("manager-" + secretariat, id, "decideGrant");

    Api.Response refused = Api.as(port, "admin").post("/engine-rest/task/" + decide.get("id").asText() + "/complete",
        Map.of("variables", Map.of("decision", Map.of("value", "grant"), "grantedAmount", Map.of("value", 100_001))));
    assertThat(refused.status()).as("the task rules hold on Camunda's REST API too: " + refused).isEqualTo(400);
    assertThat(flows.findTask("manager-" + secretariat, id, "decideGrant")).isNotNull();

    Api.Response grant = Api.as(port, "admin").post("/engine-rest/task/" + decide.get("id").asText() + "/complete",
        Map.of("variables", Map.of("decision", Map.of("value", "grant"), "grantedAmount", Map.of("value", 80_000))));
    assertThat(grant.status()).isEqualTo(204);
    flows.awaitTask("staff-" + municipality, id, "submitPerformanceReport");
    assertThat(flows.application("staff-" + municipality, id).get("application").get("grantedAmount").asLong())
        .isEqualTo(80_000L);
  }
}
