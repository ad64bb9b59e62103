package jp.muniflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PdfText;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.TenantRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A plan through the API from submission to the council's approval: the five managers review it from their task
 * lists, the council's decision issues a decision notice in each of the 62 tenants and the press release, and the
 * year's subsidy opens. A plan of another year prints its own programs and nothing of FY2012.
 */
@MuniFlowIntegrationTest
class PlanLifecycleIT {

  private static final List<String> MANAGERS = List.of("manager-kuchokai", "manager-shichokai", "manager-chosonkai",
      "manager-kyogikai", "manager-chosakai");

  @LocalServerPort
  int port;

  @Autowired
  TenantRegistry registry;

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

  /** Submits the plan, has the five managers approve it and the council decide; returns the plan's id. */
  private String approve(String yaml, String councilDate) {
    Api.Response submitted = Api.as(port, "manager-kyogikai").postRaw("/api/plans", "application/yaml",
        yaml.getBytes(StandardCharsets.UTF_8));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    String planId = submitted.json().get("id").asText();
    for (String manager : MANAGERS) {
      complete(manager, awaitTask(manager, planId, "reviewPlan"), Map.of("decision", "approve"));
    }
    complete("manager-kyogikai", awaitTask("manager-kyogikai", planId, "recordCouncilDecision"),
        Map.of("councilDate", councilDate, "approved", true));
    return planId;
  }

  private byte[] pressRelease(int fiscalYear) {
    String link = Await.until("the press release of " + fiscalYear, () -> {
      JsonNode plan = Api.as(port, "manager-chosonkai").get("/api/plans/" + fiscalYear).json();
      return plan.path("notices").path("pressRelease").isTextual() ? plan.get("notices").get("pressRelease").asText() : null;
    });
    Api.Response pdf = Api.as(port, "manager-chosonkai").get(link);
    assertThat(pdf.contentType()).isEqualTo("application/pdf");
    return pdf.bytes();
  }

  @Test
  void the_fy2012_plan_approved_by_the_five_managers_gives_62_decision_notices_and_the_press_release() {
    String planId = approve(PlanFiles.fy2012(), "2012-02-08");

    JsonNode plan = Api.as(port, "staff-131016").get("/api/plans/2012").json();
    assertThat(plan.get("status").asText()).isEqualTo("APPROVED");
    assertThat(plan.get("councilDate").asText()).isEqualTo("2012-02-08");
    assertThat(Api.as(port, "manager-shichokai").get("/api/plans/2012").json().get("reviews")).hasSize(5);
    assertThat(plan.get("reviews")).as("staff do not see the secretariats' reviews").isEmpty();

    // one decision notice per tenant, each seen by its own staff and nobody of another municipality; 62 sealed PDF/A
    // documents take the job executor a while on a busy machine, more than the usual wait
    Await.until("62 decision notices", java.time.Duration.ofMinutes(3), () -> Api.as(port, "manager-kyogikai").get("/api/plans/2012").json()
        .get("notices").get("decisionNotices").asInt() == 62);
    Set<String> tenants = new HashSet<>();
    for (JsonNode n : Api.as(port, "admin").get("/api/notices?applicationId=" + planId).json()) {
      if (n.get("templateKey").asText().equals("plan.decision")) {
        assertThat(tenants.add(n.get("tenantId").asText())).as("one per tenant").isTrue();
      }
    }
    assertThat(tenants).hasSize(62);
    for (Municipality m : List.of(registry.municipality("131016").orElseThrow(), registry.municipality("132012").orElseThrow(),
        registry.municipality("133078").orElseThrow())) {
      List<JsonNode> seen = new ArrayList<>();
      Api.as(port, m.staffGroup()).get("/api/notices?applicationId=" + planId).json().forEach(seen::add);
      assertThat(seen).hasSize(1);
      assertThat(seen.get(0).get("tenantId").asText()).isEqualTo(m.code());
      assertThat(seen.get(0).get("addressee").asText()).isEqualTo(m.headTitle());
    }

    String text = PdfText.searchable(pressRelease(2012));
    for (String title : List.of("共同事業普及・啓発", "温室効果ガス標準算定手法の共有化推進", "各団体の実施する事業との連携",
        "エコプロダクツ2012への出展", "再生可能エネルギーとスマート・コミュニティ研究", "みんなで環境を考える共同行動の実施",
        "ホームページの維持管理・コンテンツの充実", "体験型一般公開講座")) {
      assertThat(text).contains(PdfText.searchable(title));
    }
    assertThat(text).contains("新規", "継続", "拡充", "平成24年度", "2億600万円");
    for (String secretariat : List.of("特別区長会事務局", "東京都市長会事務局", "東京都町村会事務局", "公益財団法人特別区協議会",
        "財団法人東京市町村自治調査会")) {
      assertThat(text).contains(secretariat);
    }

    // the approved plan opens the year's subsidy with its program's cap
    JsonNode budget = Api.as(port, "staff-131016").get("/api/subsidy-budget?fiscalYear=2012").json();
    assertThat(budget.get("open").asBoolean()).isTrue();
    assertThat(budget.get("cap").asLong()).isEqualTo(1_500_000L);
  }

  @Test
  void a_plan_of_another_year_prints_its_own_programs_totals_and_era_year() {
    String fy2027 = """
        project:
          name: みどり東京・温暖化防止プロジェクト
        fiscal_year: 2027
        total_budget_yen: 123450000
        areas:
          - code: "1"
            title: 省エネルギーの推進
            programs:
              - code: "1-1"
                title: 公共施設の断熱改修研究
                description: 区市町村の公共施設の断熱改修について調査研究を行う。
                kind: new
                contacts: [chosakai]
              - code: "1-2"
                title: 助成金交付
                kind: expanded
                contacts: [kyogikai, shichokai]
                subsidy:
                  cap_per_municipality_yen: 2000000
                  grant_rules:
                    name: 助成金交付要綱
                    articles: {grant: 第5条, rejection: 第6条, confirmation: 第10条}
                  conditions:
                    - 事業の内容を変更するときは、あらかじめ承認を受けること。
        """;
    approve(fy2027, "2027-02-10");
    String text = PdfText.searchable(pressRelease(2027));
    assertThat(text).contains("公共施設の断熱改修研究", "助成金交付", "令和9年度", "1億2345万円", "新規", "拡充");
    assertThat(text).doesNotContain("平成24年度").doesNotContain("2億600万円").doesNotContain("エコプロダクツ")
        .doesNotContain("体験型一般公開講座");
    assertThat(Api.as(port, "staff-132012").get("/api/subsidy-budget?fiscalYear=2027").json().get("cap").asLong())
        .isEqualTo(2_000_000L);
  }
}
