package jp.muniflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.Browser;
import jp.muniflow.support.BrowserSession;
import jp.muniflow.support.PageChecks;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PdfText;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.MunicipalityKind;
import jp.muniflow.tenants.TenantRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The GHG emissions campaign as MuniFlow ships it ({@code processes/campaign}, built from building blocks only), run
 * through the API for all 62 municipalities as its users run it: the coordinator starts the year's campaign, each
 * municipality's staff submit their figures, 特別区協議会 reviews the wards and 自治調査会 the cities, towns and
 * villages, some are sent back once and resubmitted. The table is published as soon as the last one is accepted: its
 * totals are the sums of the accepted (corrected) figures, every municipality reads it, as JSON, CSV and PDF. Before
 * that each municipality sees only its own entry and each secretariat only its own scope. A second year ends at the
 * deadline (its timer driven through the engine's job API, since nobody can wait for June): a reminder reaches the
 * municipalities that still have to submit, and the table shows the others as 未提出. Fiscal years 2090 and 2089.
 */
@MuniFlowIntegrationTest
class GhgCampaignIT {

  /** The joint project's coordinator: 特別区協議会's managers. */
  static final String COORDINATOR = "manager-kyogikai";

  private static final List<String> SECTORS = List.of("industry", "household", "business", "transport", "waste", "other");
  private static final List<String> HEADINGS = List.of("産業", "家庭", "業務", "運輸", "廃棄物", "その他");
  private static final String TITLE = "温室効果ガス排出量 算定結果（単位: t-CO2）";

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Autowired
  TenantRegistry registry;

  @AfterEach
  void end_the_campaigns() {
    for (String key : List.of("ghgCampaign", "ghgEmissionsReport")) {
      List<String> ids = runtime.createProcessInstanceQuery().processDefinitionKey(key).list().stream()
          .map(ProcessInstance::getId).toList();
      if (!ids.isEmpty()) {
        runtime.deleteProcessInstances(ids, "test ended", true, true);
      }
    }
  }

  @Test
  void all_62_submit_some_sent_back_once_and_the_published_totals_are_the_sums_of_the_accepted_figures() throws Exception {
    List<Municipality> all = registry.municipalities();
    assertThat(all).hasSize(62);
    String campaign = startInTheBrowser(2090);

    // the staff's page: the six sectors as one table of figures (the form's group), in a real browser
    String chuo = all.get(1).tenantId();
    JsonNode enter = task("staff-" + chuo, "GHG-2090-" + chuo, "enterEmissions");
    try (Browser staff = Browser.signedIn(port, "staff-" + chuo)) {
      staff.open("/tasks/" + enter.get("id").asText());
      WebElement sectors = staff.driver().findElement(By.id("group-Group_sectors"));
      assertThat(sectors.findElement(By.tagName("legend")).getText()).isEqualTo("部門別の排出量（t-CO2）");
      assertThat(sectors.findElements(By.cssSelector("input[type=number]"))).extracting(e -> e.getDomAttribute("name"))
          .containsExactly(SECTORS.toArray(String[]::new));
      assertThat(staff.driver().findElement(By.cssSelector("label[for=field-industry]")).getText()).isEqualTo("産業部門");
      PageChecks.accessible(staff, "the emissions form with its table of figures");
      staff.guideScreenshot("ghg-enter-emissions", "#group-Group_sectors");
    }

    // every staff enters their figures; every seventh first enters figures the reviewers send back
    Map<String, Map<String, BigDecimal>> accepted = new LinkedHashMap<>();
    List<String> sentBack = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      String tenant = all.get(i).tenantId();
      if (i % 7 == 0) {
        sentBack.add(tenant);
        submit(2090, tenant, "enterEmissions", figures(99_999.9));
      } else {
        accepted.put(tenant, figures(1000 + i + 0.5));
        submit(2090, tenant, "enterEmissions", accepted.get(tenant));
      }
    }

    // each secretariat sees its own municipalities' reports, never the other's
    List<JsonNode> kyogikai = reviews("kyogikai", 2090);
    List<JsonNode> chosakai = reviews("chosakai", 2090);
    List<String> wards = all.stream().filter(m -> m.kind() == MunicipalityKind.WARD).map(Municipality::tenantId).toList();
    assertThat(kyogikai).extracting(t -> t.get("tenantId").asText()).containsExactlyInAnyOrderElementsOf(wards);
    assertThat(chosakai).hasSize(62 - wards.size()).allSatisfy(t -> assertThat(wards).doesNotContain(t.get("tenantId").asText()));

    // the reviewers send back every seventh with a comment, and accept all others but the last municipality
    String last = all.get(61).tenantId();
    for (String tenant : sentBack) {
      decide(2090, tenant, "sendBack", "産業部門の数値の桁を確認してください");
    }
    for (String tenant : accepted.keySet()) {
      if (!tenant.equals(last)) {
        decide(2090, tenant, "accept", "");
      }
    }
    // the sent-back staff see the reviewer's comment with their figures, correct them and resubmit; accepted then
    for (int i = 0; i < sentBack.size(); i++) {
      String tenant = sentBack.get(i);
      JsonNode task = task("staff-" + tenant, "GHG-2090-" + tenant, "correctEmissions");
      String page = BrowserSession.signIn(port, "staff-" + tenant).get("/tasks/" + task.get("id").asText()).body();
      assertThat(page).contains("産業部門の数値の桁を確認してください").contains("99999.9");
      accepted.put(tenant, figures(2000 + i + 0.25));
      submit(2090, tenant, "correctEmissions", accepted.get(tenant));
      decide(2090, tenant, "accept", "");
    }
    Await.until("the job executor collects 61 entries", Duration.ofMinutes(2), () ->
        entries(campaign) == 61 ? true : null);

    // before publication: a municipality its own entry, a secretariat its scope, nobody the table
    JsonNode chiyoda = Api.as(port, "staff-131016").get("/api/campaigns/" + campaign + "/entries").json();
    assertThat(chiyoda.get("published").asBoolean()).isFalse();
    assertThat(tenants(chiyoda.get("entries"))).containsExactly("131016");
    assertThat(tenants(Api.as(port, "reviewer-kyogikai").get("/api/campaigns/" + campaign + "/entries").json()
        .get("entries"))).containsExactlyInAnyOrderElementsOf(wards);
    assertThat(tenants(Api.as(port, "reviewer-chosakai").get("/api/campaigns/" + campaign + "/entries").json()
        .get("entries"))).hasSize(61 - wards.size()).doesNotContainAnyElementsOf(wards);
    assertThat(Api.as(port, "staff-131016").get("/api/campaigns/" + campaign + "/table").status()).isEqualTo(404);

    // the last acceptance tells the campaign that all are in: it publishes without waiting for the deadline
    decide(2090, last, "accept", "");
    JsonNode table = Await.until("the campaign publishes its table", Duration.ofMinutes(2), () -> {
      Api.Response r = Api.as(port, "staff-" + last).get("/api/campaigns/" + campaign + "/table");
      return r.status() == 200 ? r.json() : null;
    });
    assertThat(table.get("title").asText()).isEqualTo(TITLE);
    assertThat(table.get("submitted").asInt()).isEqualTo(62);
    assertThat(tenants(table.get("rows"))).containsExactlyElementsOf(all.stream().map(Municipality::tenantId).toList());
    BigDecimal overall = BigDecimal.ZERO;
    for (String sector : SECTORS) {
      BigDecimal sum = accepted.values().stream().map(f -> f.get(sector)).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(table.get("totals").get(sector).decimalValue()).as(sector).isEqualByComparingTo(sum);
      overall = overall.add(sum);
    }
    assertThat(table.get("total").decimalValue()).isEqualByComparingTo(overall);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("ghgCampaign").processInstanceId(campaign).count())
        .isZero();

    // after publication every municipality reads the table
    for (Municipality m : all) {
      assertThat(Api.as(port, "staff-" + m.tenantId()).get("/api/campaigns/" + campaign + "/table").status())
          .as(m.name()).isEqualTo(200);
    }
    List<List<String>> csv = csv(Api.as(port, "staff-134210").get("/api/campaigns/" + campaign + "/table.csv"));
    assertThat(csv.get(0).subList(3, 9)).containsExactlyElementsOf(HEADINGS);
    assertThat(csv).hasSize(64);
    List<String> totals = csv.get(63);
    for (int s = 0; s < SECTORS.size(); s++) {
      assertThat(new BigDecimal(totals.get(3 + s))).isEqualByComparingTo(table.get("totals").get(SECTORS.get(s)).decimalValue());
    }
    BigDecimal rows = csv.subList(1, 63).stream().map(r -> new BigDecimal(r.get(9))).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(rows).isEqualByComparingTo(overall);
    assertThat(csv.subList(1, 63)).allSatisfy(r -> assertThat(r.get(2)).isEqualTo("提出済"));

    Api.Response pdf = Api.as(port, "staff-132012").get("/api/campaigns/" + campaign + "/table.pdf");
    assertThat(pdf.contentType()).startsWith("application/pdf");
    String text = PdfText.searchable(pdf.bytes());
    assertThat(text).as(PdfText.extractor()).contains(PdfText.searchable(TITLE)).contains("産業家庭業務運輸廃棄物その他")
        .contains("公益財団法人特別区協議会").contains(overall.toPlainString()).doesNotContain("99999.9");

    // in the browser: the campaigns list in the header's navigation, and the chart on the secretariats' dashboard
    try (Browser browser = Browser.signedIn(port, "staff-132012")) {
      browser.open("/");
      assertThat(browser.driver().findElement(By.id("nav-campaigns")).getDomProperty("href")).endsWith("/campaigns");
      browser.open("/campaigns");
      assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("一斉依頼の集計表");
      WebElement row = browser.driver().findElement(By.cssSelector("#campaign-list tr[data-campaign='" + campaign + "']"));
      assertThat(row.getText()).contains(TITLE).contains("公表");
      PageChecks.accessible(browser, "campaigns list");
      row.findElement(By.tagName("a")).click();
      browser.waitUntil(d -> d.getCurrentUrl().endsWith("/campaigns/" + campaign) ? true : null);
      assertThat(browser.driver().findElement(By.id("campaign-table")).getText()).contains("産業").contains("廃棄物");
    }
    // the dashboard shows the latest published campaign: this one, unless a test published a later year's
    JsonNode latest = null;
    for (JsonNode c : Api.as(port, "manager-kyogikai").get("/api/campaigns").json()) {
      if (c.get("published").asBoolean() && (latest == null || c.get("fiscalYear").asInt() > latest.get("fiscalYear").asInt())) {
        latest = c;
      }
    }
    String latestId = latest.get("id").asText();
    int latestSubmitted = Api.as(port, "manager-kyogikai").get("/api/campaigns/" + latestId + "/table").json()
        .get("submitted").asInt();
    try (Browser browser = Browser.signedIn(port, "manager-kyogikai")) {
      browser.open("/dashboard");
      WebElement section = browser.driver().findElement(By.id("dashboard-campaign"));
      assertThat(section.findElement(By.tagName("h2")).getText()).contains(latest.get("title").asText());
      assertThat(section.findElement(By.id("dashboard-campaign-link")).getDomProperty("href"))
          .endsWith("/campaigns/" + latestId);
      assertThat(section.findElements(By.cssSelector("figure.chart"))).hasSize(1);
      assertThat(section.findElement(By.cssSelector("svg desc")).getAttribute("textContent"))
          .contains("提出した" + latestSubmitted + "団体");
      PageChecks.accessible(browser, "dashboard with the campaign's chart");
      browser.guideScreenshot("secretariat-dashboard-campaign", "#dashboard-campaign");
    }
  }

  @Test
  void only_the_coordinator_starts_the_years_campaign_once_and_refused_values_start_nothing() {
    // staff and another secretariat's managers may not start it: not offered, and refused as not found
    for (String other : List.of("staff-131016", "manager-chosakai")) {
      assertThat(Api.as(port, other).get("/api/processes/startable").json().findValuesAsText("key"))
          .doesNotContain("ghgCampaign");
      assertThat(Api.as(port, other).post("/api/processes/ghgCampaign/instances",
          Map.of("fiscalYear", 2092, "deadline", "2092-06-30", "issuer", "kyogikai")).status()).isEqualTo(404);
      assertThat(BrowserSession.signIn(port, other).get("/start/ghgCampaign").statusCode()).isEqualTo(404);
    }
    assertThat(Api.as(port, COORDINATOR).get("/api/processes/startable").json().findValuesAsText("key"))
        .contains("ghgCampaign");
    // the coordinator's home page offers it; a municipality's staff's does not
    org.jsoup.nodes.Document home = org.jsoup.Jsoup.parse(BrowserSession.signIn(port, COORDINATOR).get("/").body());
    assertThat(home.select("#home-start-title").text()).isEqualTo("開始できる依頼");
    assertThat(home.select("#home-start a[data-process=ghgCampaign]").attr("href")).startsWith("/start/ghgCampaign");
    assertThat(BrowserSession.signIn(port, "staff-131016").get("/").body()).doesNotContain("home-start");

    // every wrong value is named at once, in Japanese, and nothing starts
    Api.Response wrong = Api.as(port, COORDINATOR).post("/api/processes/ghgCampaign/instances",
        Map.of("fiscalYear", 1999, "issuer", "tokyo-to"));
    assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
    assertThat(wrong.json().get("errors").findValuesAsText("field")).contains("fiscalYear", "deadline", "issuer");
    assertThat(wrong.toString()).contains("2000");
    // a deadline already past would publish an empty table at once: refused at its field
    Api.Response past = Api.as(port, COORDINATOR).post("/api/processes/ghgCampaign/instances",
        Map.of("fiscalYear", 2092, "deadline", "2020-06-30", "issuer", "kyogikai"));
    assertThat(past.status()).as(past.toString()).isEqualTo(400);
    assertThat(past.json().get("errors").findValuesAsText("field")).containsExactly("deadline");
    assertThat(past.toString()).contains("今日以降の日付");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("ghgCampaign").count()).isZero();
    // on the page, without its confirmation (no script ticked the box), nothing starts either: the box says why, and
    // the wrong year stands at its field in the same round
    BrowserSession page = BrowserSession.signIn(port, COORDINATOR);
    HttpResponse<String> unconfirmed = page.postForm("/start/ghgCampaign", "_csrf=" + page.csrf("/start/ghgCampaign")
        + "&fiscalYear=1999&deadline=2092-06-30&issuer=kyogikai");
    assertThat(unconfirmed.statusCode()).isEqualTo(200);
    org.jsoup.nodes.Document form = org.jsoup.Jsoup.parse(unconfirmed.body());
    assertThat(form.select("#error-confirmed").text()).contains("元に戻せないことの確認");
    assertThat(form.select("#error-fiscalYear").text()).contains("2000");
    assertThat(form.select("#field-deadline").attr("value")).isEqualTo("2092-06-30");
    assertThat(form.select("#field-deadline").attr("min")).as("the date input offers no past day")
        .isEqualTo(jp.muniflow.platform.JapanTime.today(java.time.Clock.systemUTC()).toString());
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("ghgCampaign").count()).isZero();

    // started once; the same year again is a conflict, and the year still has one campaign
    start(2092);
    Api.Response again = Api.as(port, COORDINATOR).post("/api/processes/ghgCampaign/instances",
        Map.of("fiscalYear", 2092, "deadline", "2092-07-31", "issuer", "kyogikai"));
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.json().get("detail").asText()).contains("GHG-2092").contains("すでに開始");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("ghgCampaign")
        .processInstanceBusinessKey("GHG-2092").count()).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("ghgEmissionsReport").count()).isEqualTo(62);
    // the administrators' audit log says who started which year's campaign
    JsonNode audit = Api.as(port, "admin").get("/api/admin/audit?action=process-started").json();
    assertThat(audit.toString()).contains(COORDINATOR).contains("GHG-2092").contains("ghgCampaign");
  }

  @Test
  void at_the_deadline_the_table_is_published_with_the_missing_ones_after_a_reminder_to_those_still_to_submit() {
    List<Municipality> all = registry.municipalities();
    String campaign = start(2089);
    String chiyoda = all.get(0).tenantId();
    String chuo = all.get(1).tenantId();
    String minato = all.get(2).tenantId();
    submit(2089, chiyoda, "enterEmissions", figures(100.5));
    decide(2089, chiyoda, "accept", "");
    submit(2089, chuo, "enterEmissions", figures(200.5)); // waits at the review: its part is done
    Await.until("the job executor collects the accepted entry", () ->
        entries(campaign) == 1 ? true : null);

    // the weekly reminder: a week cannot pass in a test, so its timer is run through the engine's job API
    management.executeJob(timer(campaign, "Event_weeklyReminder").getId());
    assertThat(reminders("staff-" + minato)).hasSize(1).first().satisfies(n -> {
      // the deadline as the notices print a day
      assertThat(n.get("title").asText()).contains("温室効果ガス排出量の報告").contains("（期限 令和71年6月30日）");
      assertThat(n.get("link").asText()).startsWith("/tasks/");
    });
    assertThat(reminders("staff-" + chiyoda)).isEmpty();
    assertThat(reminders("staff-" + chuo)).isEmpty();

    // the deadline passes (its timer run the same way): the table shows the one accepted and 61 未提出
    management.executeJob(timer(campaign, "Event_deadline").getId());
    JsonNode table = Await.until("the campaign publishes its table at the deadline", Duration.ofMinutes(1), () -> {
      Api.Response r = Api.as(port, "staff-" + minato).get("/api/campaigns/" + campaign + "/table");
      return r.status() == 200 ? r.json() : null;
    });
    assertThat(table.get("submitted").asInt()).isEqualTo(1);
    assertThat(table.get("rows")).hasSize(62);
    assertThat(table.get("total").decimalValue()).isEqualByComparingTo(figures(100.5).values().stream()
        .reduce(BigDecimal.ZERO, BigDecimal::add));
    List<List<String>> csv = csv(Api.as(port, "staff-" + minato).get("/api/campaigns/" + campaign + "/table.csv"));
    assertThat(csv.subList(1, 63).stream().filter(r -> r.get(2).equals("未提出")).count()).isEqualTo(61);
    assertThat(csv.get(63).get(2)).isEqualTo("1／62団体提出");
  }

  /** The coordinator starts the year's campaign through MuniFlow's API, with the start form's values. */
  private String start(int fiscalYear) {
    Api.Response started = Api.as(port, COORDINATOR).post("/api/processes/ghgCampaign/instances",
        Map.of("fiscalYear", fiscalYear, "deadline", fiscalYear + "-06-30", "issuer", "kyogikai"));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    assertThat(started.json().get("businessKey").asText()).isEqualTo("GHG-" + fiscalYear);
    return awaitRequests(started.json().get("id").asText());
  }

  /**
   * The coordinator starts the year's campaign as they would: from the campaigns page's link to its start page, the
   * start form filled in a real browser.
   */
  private String startInTheBrowser(int fiscalYear) {
    try (Browser coordinator = Browser.signedIn(port, COORDINATOR)) {
      coordinator.open("/campaigns");
      coordinator.driver().findElement(By.cssSelector("#campaign-start a[data-process='ghgCampaign']")).click();
      coordinator.waitUntil(d -> d.findElements(By.id("start-form")).isEmpty() ? null : true);
      assertThat(coordinator.driver().findElement(By.tagName("h1")).getText()).isEqualTo("温室効果ガス排出量算定（取りまとめ）");
      PageChecks.accessible(coordinator, "the campaign's start page");
      coordinator.driver().findElement(By.id("field-fiscalYear")).sendKeys(String.valueOf(fiscalYear));
      ((JavascriptExecutor) coordinator.driver()).executeScript("arguments[0].value = arguments[1];",
          coordinator.driver().findElement(By.id("field-deadline")), fiscalYear + "-06-30");
      new Select(coordinator.driver().findElement(By.id("field-issuer"))).selectByValue("kyogikai");
      coordinator.guideScreenshot("campaign-start");
      coordinator.driver().findElement(By.id("start-submit")).click();
      // a start reaches 62 municipalities and cannot be undone: the page asks first
      org.openqa.selenium.Alert dialog = coordinator.waitUntil(d -> {
        try {
          return d.switchTo().alert();
        } catch (org.openqa.selenium.NoAlertPresentException e) {
          return null;
        }
      });
      assertThat(dialog.getText()).contains("温室効果ガス排出量算定（取りまとめ）").contains("元に戻せません");
      dialog.accept();
      coordinator.waitUntil(d -> d.getCurrentUrl().endsWith("/campaigns") ? true : null);
      assertThat(coordinator.driver().findElement(By.id("flash")).getText())
          .contains("GHG-" + fiscalYear);
    }
    ProcessInstance campaign = runtime.createProcessInstanceQuery().processDefinitionKey("ghgCampaign")
        .processInstanceBusinessKey("GHG-" + fiscalYear).singleResult();
    assertThat(campaign).as("the campaign GHG-" + fiscalYear).isNotNull();
    awaitRequests(campaign.getId());
    // the coordinator finds the running campaign in the list before any figure is accepted; a secretariat only
    // once an entry of its scope is
    String list = BrowserSession.signIn(port, COORDINATOR).get("/campaigns").body();
    org.jsoup.nodes.Element row = org.jsoup.Jsoup.parse(list).selectFirst("tr[data-campaign='" + campaign.getId() + "']");
    assertThat(row).as("the running campaign in the coordinator's list").isNotNull();
    assertThat(row.text()).contains("温室効果ガス排出量算定（取りまとめ）").contains("受付中（62団体のうち0団体を受理）");
    assertThat(BrowserSession.signIn(port, "manager-chosakai").get("/campaigns").body()).doesNotContain(campaign.getId());
    return campaign.getId();
  }

  private String awaitRequests(String campaign) {
    Await.until("the job executor asks all 62 municipalities", Duration.ofMinutes(1), () ->
        runtime.createProcessInstanceQuery().processDefinitionKey("ghgEmissionsReport")
            .variableValueEquals("campaignInstanceId", campaign).count() == 62 ? true : null);
    return campaign;
  }

  private static Map<String, BigDecimal> figures(double industry) {
    Map<String, BigDecimal> figures = new LinkedHashMap<>();
    for (int s = 0; s < SECTORS.size(); s++) {
      figures.put(SECTORS.get(s), s == 0 ? BigDecimal.valueOf(industry) : BigDecimal.valueOf(10 * s + 0.5));
    }
    return figures;
  }

  /** The municipality's staff find their task in their list and complete it with the figures, as the page does. */
  private void submit(int fiscalYear, String tenant, String taskKey, Map<String, BigDecimal> figures) {
    JsonNode task = task("staff-" + tenant, "GHG-" + fiscalYear + "-" + tenant, taskKey);
    Map<String, Object> variables = new HashMap<>(figures);
    variables.put("baseYear", 2013);
    variables.put("comment", "算定方法の変更なし");
    Api.Response done = Api.as(port, "staff-" + tenant).post("/api/tasks/" + task.get("id").asText() + "/complete", variables);
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
  }

  private void decide(int fiscalYear, String tenant, String decision, String comment) {
    String reviewer = registry.municipality(tenant).orElseThrow().kind() == MunicipalityKind.WARD
        ? "reviewer-kyogikai" : "reviewer-chosakai";
    JsonNode task = task(reviewer, "GHG-" + fiscalYear + "-" + tenant, "reviewEmissions");
    Api.Response done = Api.as(port, reviewer).post("/api/tasks/" + task.get("id").asText() + "/complete",
        Map.of("decision", decision, "reviewComment", comment));
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
  }

  private JsonNode task(String user, String businessKey, String taskKey) {
    for (JsonNode t : Api.as(port, user).get("/api/tasks?process=ghgEmissionsReport&size=500").json()) {
      if (businessKey.equals(t.get("businessKey").asText()) && taskKey.equals(t.get("taskDefinitionKey").asText())) {
        return t;
      }
    }
    throw new AssertionError(user + " has no task " + taskKey + " of " + businessKey);
  }

  private List<JsonNode> reviews(String secretariat, int fiscalYear) {
    List<JsonNode> found = new ArrayList<>();
    Api.as(port, "reviewer-" + secretariat).get("/api/tasks?process=ghgEmissionsReport&size=500").json().forEach(t -> {
      if (t.get("businessKey").asText().startsWith("GHG-" + fiscalYear + "-")) {
        found.add(t);
      }
    });
    return found;
  }

  private Job timer(String campaign, String activityId) {
    return management.createJobQuery().processInstanceId(campaign).activityId(activityId).timers().singleResult();
  }

  private List<JsonNode> reminders(String user) {
    List<JsonNode> found = new ArrayList<>();
    Api.as(port, user).get("/api/notifications").json().get("items").forEach(n -> {
      if ("campaign-reminder".equals(n.get("kind").asText()) && n.get("title").asText().contains("令和71年")) {
        found.add(n);
      }
    });
    return found;
  }

  /** How many entries the campaign holds, as an administrator reads them (404 while it has none). */
  private int entries(String campaign) {
    Api.Response r = Api.as(port, "admin").get("/api/campaigns/" + campaign + "/entries");
    return r.status() == 200 ? r.json().get("entries").size() : 0;
  }

  private static List<String> tenants(JsonNode rows) {
    List<String> ids = new ArrayList<>();
    rows.forEach(r -> ids.add(r.get("tenantId").asText()));
    return ids;
  }

  /** The CSV as a reader parses it: UTF-8 with a BOM, CRLF lines, every field quoted. */
  private static List<List<String>> csv(Api.Response response) {
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/csv");
    String text = new String(response.bytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
    List<List<String>> lines = new ArrayList<>();
    for (String line : text.split("\r\n")) {
      List<String> fields = new ArrayList<>();
      for (String field : line.substring(1, line.length() - 1).split("\",\"", -1)) {
        fields.add(field.replace("\"\"", "\""));
      }
      lines.add(fields);
    }
    return lines;
  }
}
