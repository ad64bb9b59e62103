package jp.muniflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.Multipart;
import jp.muniflow.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an application must carry is plan data: a plan's subsidy program names the documents of each step, and once the
 * council approves it, that year's applications take exactly those; a plan whose documents do not hold together is
 * refused with the path of each problem.
 */
@MuniFlowIntegrationTest
class PlanDocumentsIT {

  static final int YEAR = 2051;
  static final List<String> MANAGERS = List.of("manager-kuchokai", "manager-shichokai", "manager-chosonkai",
      "manager-kyogikai", "manager-chosakai");

  @LocalServerPort
  int port;

  /** The FY2012 plan for another year, its subsidy asking for a plan sheet (PDF, up to two) and, in the report, photos. */
  static String planWithDocuments(int year, String documents) {
    String plan = PlanFiles.fy2012().replace("fiscal_year: 2012", "fiscal_year: " + year);
    int at = plan.indexOf("          documents:");
    int end = plan.indexOf("\n      - code: \"2-2\"");
    return plan.substring(0, at) + documents + plan.substring(end);
  }

  static final String CUSTOM = """
                documents:
                  application:
                    - { kind: plan-sheet, label: 事業計画シート, label_en: Plan sheet, required: true, types: [pdf], max_files: 2 }
                  report:
                    - { kind: photos, label: 写真, label_en: Photographs, required: true, types: [jpeg, png] }
      """;

  @Test
  void an_approved_plan_decides_the_documents_of_its_year() {
    approve(planWithDocuments(YEAR, CUSTOM.stripTrailing()));
    Api staff = Api.as(port, "staff-131041");
    JsonNode next = staff.get("/api/subsidy-applications/next/documents?fiscalYear=" + YEAR).json();
    assertThat(next.get("requirements")).hasSize(1);
    assertThat(next.get("requirements").get(0).get("label").asText()).isEqualTo("事業計画シート");
    assertThat(next.get("requirements").get(0).get("types").toString()).isEqualTo("[\"pdf\"]");

    String application = "{\"fiscalYear\": " + YEAR + ", \"title\": \"公園の照明更新\", \"description\": \"公園灯をLEDにする。\","
        + " \"requestedAmount\": 100000, \"plannedStart\": \"" + YEAR + "-06-01\", \"plannedEnd\": \"" + (YEAR + 1) + "-02-28\"}";
    Api.Response missing = staff.postRaw("/api/subsidy-applications", "application/json", application.getBytes(StandardCharsets.UTF_8));
    assertThat(missing.status()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    missing.json().get("errors").forEach(e -> fields.add(e.get("field").asText() + " " + e.get("message").asText()));
    assertThat(fields).containsExactly("documents.plan-sheet 事業計画シートが添付されていません。");

    Api.Response excel = staff.postMultipart("/api/subsidy-applications", new Multipart().json("application", application)
        .file("plan-sheet", "計画.xlsx", TestFiles.xlsx("x")));
    assertThat(excel.status()).isEqualTo(422);
    assertThat(excel.text()).contains("事業計画シートに添付できるのは PDF です");

    Api.Response accepted = staff.postMultipart("/api/subsidy-applications", new Multipart().json("application", application)
        .file("plan-sheet", "計画1.pdf", TestFiles.pdf("1")).file("plan-sheet", "計画2.pdf", TestFiles.pdf("2")));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
    assertThat(staff.get("/api/subsidy-applications/" + accepted.json().get("id").asText() + "/documents").json()).hasSize(2);
  }

  @Test
  void documents_that_do_not_hold_together_are_refused_with_their_paths() {
    String broken = """
                documents:
                  applicaton:
                    - { kind: plan, label: 計画 }
                  application:
                    - { kind: Plan Sheet, label: 計画, types: [pdf, exe] }
                    - { kind: budget, types: [xlsx], max_files: 0, required: sure }
                    - { kind: budget, label: 予算 }
      """.stripTrailing();
    Api.Response r = Api.as(port, "manager-kyogikai").postRaw("/api/plans", "application/yaml",
        planWithDocuments(2052, broken).getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    List<String> fields = new ArrayList<>();
    r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    String at = "areas[1].programs[0].subsidy.documents";
    assertThat(fields).containsExactlyInAnyOrder(at + ".applicaton", at + ".application[0].kind",
        at + ".application[0].types[1]", at + ".application[1].label", at + ".application[1].max_files",
        at + ".application[1].required", at + ".application[2].kind");
  }

  private void approve(String yaml) {
    Api.Response submitted = Api.as(port, "manager-kyogikai").postRaw("/api/plans", "application/yaml",
        yaml.getBytes(StandardCharsets.UTF_8));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    String planId = submitted.json().get("id").asText();
    for (String manager : MANAGERS) {
      complete(manager, awaitTask(manager, planId, "reviewPlan"), Map.of("decision", "approve"));
    }
    complete("manager-kyogikai", awaitTask("manager-kyogikai", planId, "recordCouncilDecision"),
        Map.of("councilDate", YEAR + "-02-10", "approved", true));
    Await.until("the year opens", () -> Api.as(port, "staff-131041").get("/api/subsidy-budget?fiscalYear=" + YEAR).json()
        .path("open").asBoolean() ? true : null);
  }

  private JsonNode awaitTask(String user, String planId, String key) {
    return Await.until(user + " gets " + key, () -> {
      for (JsonNode t : Api.as(port, user).get("/api/tasks?size=500").json()) {
        if (planId.equals(t.path("businessKey").asText()) && key.equals(t.path("taskDefinitionKey").asText())) {
          return t;
        }
      }
      return null;
    });
  }

  private void complete(String user, JsonNode task, Map<String, Object> outcome) {
    Api.Response r = Api.as(port, user).post("/api/tasks/" + task.get("id").asText() + "/complete", outcome);
    assertThat(r.status()).as(r.toString()).isEqualTo(204);
  }
}
