package jp.muniflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.muniflow.support.Api;
import jp.muniflow.support.MuniFlowIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every validation error of a plan file is reported, all at once, and nothing is started. */
@MuniFlowIntegrationTest
class PlanValidationIT {

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  HistoryService history;

  private Api.Response post(String yaml) {
    return Api.as(port, "manager-kyogikai").postRaw("/api/plans", "application/yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  private long plans() {
    return jdbc.sql("select count(*) from mf_plan").query(Long.class).single();
  }

  /**
   * Plan processes ever started (history, not the running ones: another test's plan may end while this one runs,
   * and the count must only move when something starts).
   */
  private long planInstances() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey("programPlanApproval").count();
  }

  @Test
  void every_error_is_listed_at_once_and_nothing_is_started() {
    String broken = PlanFiles.fy2012()
        .replace("fiscal_year: 2012", "fiscal_year: 2041")
        .replace("contacts: [chosakai]\n", "contacts: [tokyo-to]\n")               // unknown secretariat
        .replace("code: \"1-2\"", "code: \"1-1\"")                                  // duplicate program code
        .replace("kind: expanded", "kind: improved")                               // unknown kind
        .replace("title: 体験型一般公開講座", "title: \"\"")                          // missing title
        .replace("total_budget_yen: 206000000", "total_budget_yen: 2060000.5");     // not a whole number
    long before = plans();
    long instancesBefore = planInstances();

    Api.Response r = post(broken);

    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.contentType()).startsWith("application/problem+json");
    List<String> fields = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    for (JsonNode e : r.json().get("errors")) {
      fields.add(e.get("field").asText());
      messages.add(e.get("message").asText());
    }
    assertThat(fields).containsExactlyInAnyOrder("total_budget_yen", "areas[0].programs[0].contacts[0]",
        "areas[0].programs[1].code", "areas[1].programs[1].kind", "areas[2].programs[2].title");
    assertThat(messages).anyMatch(m -> m.contains("tokyo-to")).anyMatch(m -> m.contains("1-1"))
        .anyMatch(m -> m.contains("improved"));
    assertThat(plans()).isEqualTo(before);
    assertThat(planInstances()).isEqualTo(instancesBefore);
  }

  @Test
  void a_budget_that_is_not_a_positive_whole_number_is_refused() {
    for (String budget : new String[] {"0", "-5", "\"二億円\"", "1.5"}) {
      Api.Response r = post(PlanFiles.fy2012().replace("fiscal_year: 2012", "fiscal_year: 2042")
          .replace("total_budget_yen: 206000000", "total_budget_yen: " + budget));
      assertThat(r.status()).as(budget).isEqualTo(422);
      assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("total_budget_yen");
    }
  }

  @Test
  void a_fiscal_year_already_approved_is_refused_with_the_other_errors() {
    jdbc.sql("insert into mf_plan (id, fiscal_year, attempt, revision, status, document, submitted_by, submitted_at, updated_at) "
            + "values ('2043-1', 2043, 1, 1, 'APPROVED', '{\"project\":{\"name\":\"x\"},\"fiscalYear\":2043,\"totalBudgetYen\":1,\"areas\":[]}', 'test', current_timestamp, current_timestamp)")
        .update();
    Api.Response r = post(PlanFiles.fy2012().replace("fiscal_year: 2012", "fiscal_year: 2043").replace("kind: new", "kind: 新しい"));
    assertThat(r.status()).isEqualTo(422);
    List<String> fields = new ArrayList<>();
    r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("fiscal_year", "areas[1].programs[2].kind");
  }

  @Test
  void malformed_yaml_is_a_400_naming_the_line() {
    Api.Response r = post("project:\n  name: [unclosed\nfiscal_year: 2044\n");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("errors").get(0).get("message").asText()).contains("行目");
  }

  @Test
  void only_the_coordinator_submits_plans() {
    Api.Response r = Api.as(port, "manager-shichokai").postRaw("/api/plans", "application/yaml",
        PlanFiles.fy2012().replace("fiscal_year: 2012", "fiscal_year: 2045").getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(403);
    assertThat(Api.as(port, "staff-131016").postRaw("/api/plans", "application/json", "{}".getBytes(StandardCharsets.UTF_8))
        .status()).isEqualTo(403);
  }
}
