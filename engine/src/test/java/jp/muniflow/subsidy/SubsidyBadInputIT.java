package jp.muniflow.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.support.Api;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.TestGrantRules;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad input is a 4xx problem that says what is wrong, and changes nothing: no application, no process instance, no
 * reservation, no completed task.
 */
@MuniFlowIntegrationTest
class SubsidyBadInputIT {

  private static final String STAFF = "staff-131059"; // 文京区: only this class submits for it

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  RuntimeService runtime;

  @Autowired
  org.camunda.bpm.engine.HistoryService history;

  private SubsidyFlows flows;

  @BeforeEach
  void openYear() {
    years.open(2026, SubsidyYears.DEFAULT_CAP, TestGrantRules.FY2026, "test");
    flows = new SubsidyFlows(port);
  }

  private long applications() {
    return jdbc.sql("select count(*) from mf_subsidy_application").query(Long.class).single();
  }

  private long reserved() {
    return jdbc.sql("select coalesce(sum(reserved_yen), 0) from mf_subsidy_budget").query(Long.class).single();
  }

  private long instances() {
    // instances ever started: running ones of other tests may end meanwhile, a start is what must not happen
    return history.createHistoricProcessInstanceQuery().count();
  }

  /** Sends a bad submission and checks the status, the named fields, and that nothing changed. */
  private void refused(Map<String, Object> body, int status, String... fields) {
    long apps = applications();
    long res = reserved();
    long pis = instances();
    Api.Response r = Api.as(port, STAFF).post("/api/subsidy-applications", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("detail").asText()).isNotBlank();
    List<String> named = new ArrayList<>();
    r.json().path("errors").forEach(e -> named.add(e.get("field").asText()));
    assertThat(named).as(r.toString()).containsExactlyInAnyOrder(fields);
    r.json().path("errors").forEach(e -> assertThat(e.get("message").asText()).isNotBlank());
    assertThat(applications()).isEqualTo(apps);
    assertThat(reserved()).isEqualTo(res);
    assertThat(instances()).isEqualTo(pis);
  }

  private Map<String, Object> with(Consumer<Map<String, Object>> change) {
    Map<String, Object> body = SubsidyFlows.application(2026, 500_000);
    change.accept(body);
    return body;
  }

  @Test
  void missing_fields_are_all_named_at_once() {
    refused(Map.of(), 400, "fiscalYear", "title", "description", "requestedAmount", "plannedStart", "plannedEnd");
  }

  @Test
  void amounts_must_be_whole_positive_yen() {
    refused(with(b -> b.put("requestedAmount", 0)), 400, "requestedAmount");
    refused(with(b -> b.put("requestedAmount", -400_000)), 400, "requestedAmount");
    refused(with(b -> b.put("requestedAmount", 1500.5)), 400, "requestedAmount");
    refused(with(b -> b.put("requestedAmount", new java.math.BigDecimal("1e15"))), 400, "requestedAmount");
    refused(with(b -> b.put("requestedAmount", "百万円")), 400, "requestedAmount");
  }

  @Test
  void the_end_must_not_come_before_the_start() {
    refused(with(b -> b.put("plannedEnd", "2026-05-31")), 400, "plannedEnd");
  }

  @Test
  void malformed_dates_name_their_field() {
    refused(with(b -> b.put("plannedStart", "2026-13-01")), 400, "plannedStart");
    refused(with(b -> b.put("plannedStart", "令和8年6月1日")), 400, "plannedStart");
  }

  @Test
  void text_that_cannot_be_printed_on_a_notice_is_refused() {
    refused(with(b -> b.put("title", "LED化🌱")), 400, "title");
    refused(with(b -> b.put("title", "葛\uDB40\uDD00飾区の事業")), 400, "title");
    refused(with(b -> b.put("title", "事業\u0007名")), 400, "title");
    refused(with(b -> b.put("title", "a\u0301\u0302")), 400, "title");
    refused(with(b -> b.put("title", "長".repeat(201))), 400, "title");
  }

  @Test
  void a_year_that_is_not_open_is_refused_with_that_reason() {
    refused(with(b -> b.put("fiscalYear", 2031)), 422);
    Api.Response r = Api.as(port, STAFF).post("/api/subsidy-applications", with(b -> b.put("fiscalYear", 2031)));
    assertThat(r.json().get("detail").asText()).contains("2031年度");
  }

  @Test
  void a_request_above_the_remaining_cap_is_refused_with_the_remaining_amount() {
    long remaining = Api.as(port, STAFF).get("/api/subsidy-budget?fiscalYear=2026").json().get("remaining").asLong();
    refused(with(b -> b.put("requestedAmount", remaining + 1)), 422);
    Api.Response r = Api.as(port, STAFF).post("/api/subsidy-applications", with(b -> b.put("requestedAmount", remaining + 1)));
    assertThat(r.json().get("remainingAmount").asLong()).isEqualTo(remaining);
  }

  @Test
  void malformed_json_and_a_wrong_content_type_are_refused() {
    long apps = applications();
    Api.Response malformed = Api.as(port, STAFF).postRaw("/api/subsidy-applications", "application/json",
        "{\"fiscalYear\": 2026, \"title\": ".getBytes(StandardCharsets.UTF_8));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).startsWith("application/problem+json");
    Api.Response xml = Api.as(port, STAFF).postRaw("/api/subsidy-applications", "application/xml",
        "<application/>".getBytes(StandardCharsets.UTF_8));
    assertThat(xml.status()).isEqualTo(415);
    assertThat(xml.contentType()).startsWith("application/problem+json");
    assertThat(applications()).isEqualTo(apps);
  }

  @Test
  void only_staff_submit() {
    long apps = applications();
    Api.Response r = Api.as(port, "reviewer-kyogikai").post("/api/subsidy-applications", SubsidyFlows.application(2026, 100_000));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(applications()).isEqualTo(apps);
  }

  @Test
  void bad_task_outcomes_are_refused_and_the_task_stays_open() {
    String id = flows.submit("131059", 2026, 300_000);
    JsonNode review = flows.awaitTask("reviewer-kyogikai", id, "reviewApplication");

    Api.Response unknown = flows.complete("reviewer-kyogikai", review, "decision", "approveEverything");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("decision");
    Api.Response smuggled = flows.complete("reviewer-kyogikai", review, "decision", "forward", "grantedAmount", 300_000);
    assertThat(smuggled.status()).isEqualTo(400);
    Api.Response noReason = flows.complete("reviewer-kyogikai", review, "decision", "requestCorrection");
    assertThat(noReason.status()).isEqualTo(400);
    JsonNode still = flows.findTask("reviewer-kyogikai", id, "reviewApplication");
    assertThat(still).isNotNull();
    assertThat(still.path("assignee").isMissingNode() || still.path("assignee").isNull()).as("still unclaimed").isTrue();

    assertThat(flows.complete("reviewer-kyogikai", review, "decision", "forward").status()).isEqualTo(204);
    JsonNode decide = flows.awaitTask("manager-kyogikai", id, "decideGrant");
    Api.Response tooMuch = flows.complete("manager-kyogikai", decide, "decision", "grant", "grantedAmount", 300_001);
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.json().get("errors").get(0).get("message").asText()).contains("300,000円");
    Api.Response fraction = flows.complete("manager-kyogikai", decide, "decision", "grant", "grantedAmount", 1000.5);
    assertThat(fraction.status()).isEqualTo(400);
    assertThat(flows.application("staff-131059", id).get("application").get("status").asText()).isEqualTo("IN_REVIEW");
  }

  @Test
  void a_task_of_another_group_is_not_found() {
    String id = flows.submit("131059", 2026, 200_000);
    JsonNode review = flows.awaitTask("reviewer-kyogikai", id, "reviewApplication");
    for (String outsider : new String[] {"staff-131059", "manager-kyogikai", "reviewer-kuchokai", "reviewer-shichokai"}) {
      Api.Response r = flows.complete(outsider, review, "decision", "forward");
      assertThat(r.status()).as(outsider).isEqualTo(404);
      assertThat(Api.as(port, outsider).post("/api/tasks/" + review.get("id").asText() + "/claim").status()).isEqualTo(404);
    }
    assertThat(flows.findTask("reviewer-kyogikai", id, "reviewApplication")).isNotNull();
  }

  /**
   * What a refused request carried never reaches the log: a name and a telephone number typed into a submission that
   * is refused for its emoji, its control character, its broken JSON, its size, or sent to an application that does
   * not exist.
   */
  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void refused_input_leaves_no_personal_data_in_the_log(CapturedOutput log) {
    String name = "山田太郎";
    String phone = "090-1234-5678";
    String personal = "担当 " + name + " " + phone;
    long apps = applications();
    Api api = Api.as(port, STAFF);
    List<Api.Response> answers = new ArrayList<>();
    answers.add(api.post("/api/subsidy-applications", with(b -> b.put("title", personal + "🌱"))));
    answers.add(api.post("/api/subsidy-applications", with(b -> b.put("description", personal + "\u0007"))));
    answers.add(api.post("/api/subsidy-applications", with(b -> b.put("requestedAmount", personal))));
    answers.add(api.postRaw("/api/subsidy-applications", "application/json",
        ("{\"title\": \"" + personal + "\", ").getBytes(StandardCharsets.UTF_8)));
    answers.add(api.postRaw("/api/subsidy-applications", "application/json",
        ("{\"description\": \"" + personal.repeat(120_000) + "\"}").getBytes(StandardCharsets.UTF_8)));
    answers.add(api.post("/api/subsidy-applications/APP-000000-0/withdraw", Map.of("reason", personal)));
    answers.add(api.get("/api/subsidy-applications/" + java.net.URLEncoder.encode(personal, StandardCharsets.UTF_8)));
    LoggerFactory.getLogger(SubsidyBadInputIT.class).info("log capture works");

    assertThat(answers).extracting(Api.Response::status).containsExactly(400, 400, 400, 400, 413, 404, 404);
    answers.forEach(r -> assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json"));
    assertThat(log.getAll()).contains("log capture works").doesNotContain(name).doesNotContain(phone);
    assertThat(applications()).isEqualTo(apps);
  }

  @Test
  void staff_see_the_step_their_application_is_at_and_a_second_withdrawal_says_it_is_withdrawn_already() {
    String id = flows.submit("131059", 2026, 100_000);
    flows.awaitTask("reviewer-kyogikai", id, "reviewApplication");
    JsonNode steps = flows.application(STAFF, id).get("currentSteps");
    assertThat(steps).hasSize(1);
    assertThat(steps.get(0).get("taskDefinitionKey").asText()).isEqualTo("reviewApplication");

    assertThat(Api.as(port, STAFF).post("/api/subsidy-applications/" + id + "/withdraw").status()).isEqualTo(200);
    Api.Response again = Api.as(port, STAFF).post("/api/subsidy-applications/" + id + "/withdraw");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("detail").asText()).contains("取下げ済み");
    // the withdrawal notice ends the process: wait for it, the other tests count the running instances
    String pi = jdbc.sql("select process_instance_id from mf_subsidy_application where id = ?").param(id)
        .query(String.class).single();
    jp.muniflow.support.Await.until("the withdrawn application's process ends",
        () -> runtime.createProcessInstanceQuery().processInstanceId(pi).count() == 0 ? true : null);
  }
}
