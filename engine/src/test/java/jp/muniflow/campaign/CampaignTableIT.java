package jp.muniflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.modeling.internal.gate.ForbiddenModels;
import jp.muniflow.processes.campaign.CampaignEntry;
import jp.muniflow.processes.campaign.CampaignRecords;
import jp.muniflow.ui.BarChart;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.BrowserSession;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PdfText;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.TenantRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A campaign's table built from building blocks only, deployed through the modeler's API: each municipality's staff
 * enter two figures, a secretariat sends back or accepts, the accepted figures are collected; the campaign publishes
 * its table. Before publication each municipality sees its own entry only; after it, everyone sees the table, its
 * totals are the sums of the accepted figures, the municipalities that did not submit are 未提出, and the second
 * year shows the change from the first; a campaign of all 62. Fiscal years 2081 and 2082 (the table), 2083 (all 62,
 * the upsert).
 */
@MuniFlowIntegrationTest
class CampaignTableIT {

  private static final String MEMBER = "itTableMember";
  private static final String CAMPAIGN = "itTableCampaign";
  private static final String CAMPAIGN_OF_ALL = "itTableCampaignOfAll";
  private static final String MUNICIPALITIES = "131016,132012,132021,132039,132047";
  private static final String TITLE = "温室効果ガス排出量 集計表（試験）";

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Autowired
  CampaignRecords records;

  @Autowired
  IdentityService identity;

  @Autowired
  TenantRegistry registry;

  @AfterEach
  void end_the_campaigns() {
    for (String key : List.of(CAMPAIGN, CAMPAIGN_OF_ALL, MEMBER)) {
      List<String> ids = runtime.createProcessInstanceQuery().processDefinitionKey(key).list().stream()
          .map(ProcessInstance::getId).toList();
      if (!ids.isEmpty()) {
        runtime.deleteProcessInstances(ids, "test ended", true, true);
      }
    }
  }

  @Test
  void the_published_table_sums_the_accepted_figures_and_shows_the_change_from_last_year() throws Exception {
    deploy(MEMBER + ".bpmn", member());
    deploy(CAMPAIGN + ".bpmn", campaign(CAMPAIGN, MUNICIPALITIES, """
        <camunda:inputParameter name="title">%s</camunda:inputParameter>
        <camunda:inputParameter name="fields">industry, household</camunda:inputParameter>
        <camunda:inputParameter name="issuerVariable">issuer</camunda:inputParameter>""".formatted(TITLE)));

    // 2081: Chiyoda and Tachikawa accepted at once, Hachioji sent back once (its first figures never count),
    // Musashino and Mitaka never submit
    ProcessInstance first = startCampaign(CAMPAIGN, 2081, 5);
    enter(first, "131016", 1000, 200.5);
    enter(first, "132012", 9999, 9999);
    review(first, "132012", false);
    enter(first, "132012", 3000, 400);
    review(first, "131016", true);
    review(first, "132012", true);
    enter(first, "132021", 500, 50);
    review(first, "132021", true);
    String id = first.getId();

    // before publication: each municipality its own entry, never another's figures
    Api.Response chiyoda = Api.as(port, "staff-131016").get("/api/campaigns/" + id + "/entries");
    assertThat(chiyoda.status()).as(chiyoda.toString()).isEqualTo(200);
    assertThat(chiyoda.json().get("published").asBoolean()).isFalse();
    assertThat(tenants(chiyoda.json().get("entries"))).containsExactly("131016");
    assertThat(chiyoda.text()).doesNotContain("132012").doesNotContain("3000");
    Api.Response musashino = Api.as(port, "staff-132039").get("/api/campaigns/" + id + "/entries");
    assertThat(musashino.status()).isEqualTo(404);
    assertThat(musashino.contentType()).startsWith("application/problem+json");
    assertThat(musashino.text()).doesNotContain("3000");
    JsonNode listed = listed(Api.as(port, "staff-131016").get("/api/campaigns").json(), id);
    assertThat(listed.get("published").asBoolean()).isFalse();
    assertThat(listed.hasNonNull("title")).isFalse();
    assertThat(listed(Api.as(port, "staff-132039").get("/api/campaigns").json(), id)).isNull();
    Api.Response early = Api.as(port, "staff-131016").get("/api/campaigns/" + id + "/table");
    assertThat(early.status()).isEqualTo(404);
    assertThat(early.contentType()).startsWith("application/problem+json");
    assertThat(Api.as(port, "staff-131016").get("/api/campaigns/" + id + "/table.csv").status()).isEqualTo(404);

    JsonNode table = publish(first);
    assertThat(table.get("title").asText()).isEqualTo(TITLE);
    assertThat(table.get("fiscalYear").asInt()).isEqualTo(2081);
    assertThat(tenants(table.get("rows"))).containsExactly(MUNICIPALITIES.split(","));
    assertThat(submitted(table)).containsExactly(true, true, true, false, false);
    JsonNode hachioji = table.get("rows").get(1);
    assertThat(hachioji.get("municipality").asText()).isEqualTo("八王子市");
    assertThat(hachioji.get("figures").get("industry").decimalValue()).isEqualByComparingTo("3000");
    assertThat(hachioji.get("total").decimalValue()).isEqualByComparingTo("3400");
    assertThat(table.get("totals").get("industry").decimalValue()).isEqualByComparingTo("4500");
    assertThat(table.get("totals").get("household").decimalValue()).isEqualByComparingTo("650.5");
    assertThat(table.get("total").decimalValue()).isEqualByComparingTo("5150.5");
    assertThat(table.hasNonNull("previousFiscalYear")).isFalse();
    assertThat(table.get("submitted").asInt()).isEqualTo(3);

    // after publication, everyone signed in: Musashino sees Hachioji's figures in the table and the entries
    Api.Response afterwards = Api.as(port, "staff-132039").get("/api/campaigns/" + id + "/entries");
    assertThat(tenants(afterwards.json().get("entries"))).containsExactlyInAnyOrder("131016", "132012", "132021");
    assertThat(listed(Api.as(port, "staff-132039").get("/api/campaigns").json(), id).get("title").asText()).isEqualTo(TITLE);

    Api.Response csv = Api.as(port, "staff-132039").get("/api/campaigns/" + id + "/table.csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(Arrays.copyOf(csv.bytes(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
    List<String> lines = List.of(new String(csv.bytes(), 3, csv.bytes().length - 3, StandardCharsets.UTF_8).split("\r\n"));
    assertThat(lines).hasSize(7);
    assertThat(lines.get(0)).isEqualTo("\"団体コード\",\"団体名\",\"提出状況\",\"industry\",\"household\",\"合計\",\"前年度合計\","
        + "\"前年度からの増減\",\"増減率（%）\"");
    assertThat(lines.get(2)).isEqualTo("\"132012\",\"八王子市\",\"提出済\",\"3000\",\"400\",\"3400\",\"\",\"\",\"\"");
    assertThat(lines.get(4)).isEqualTo("\"132039\",\"武蔵野市\",\"未提出\",\"\",\"\",\"\",\"\",\"\",\"\"");
    assertThat(lines.get(6)).isEqualTo("\"\",\"合計\",\"3／5団体提出\",\"4500\",\"650.5\",\"5150.5\",\"\",\"\",\"\"");

    Api.Response pdf = Api.as(port, "staff-132039").get("/api/campaigns/" + id + "/table.pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.contentType()).startsWith("application/pdf");
    String text = PdfText.searchable(pdf.bytes());
    assertThat(text).as(PdfText.extractor()).contains(PdfText.searchable(TITLE)).contains("公益財団法人特別区協議会")
        .contains("武蔵野市未提出").contains("八王子市30004003400").contains("合計4500650.55150.5")
        .contains("前年度の公表値がないため").doesNotContain("9999");

    HttpResponse<String> page = BrowserSession.signIn(port, "staff-132047").get("/campaigns/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(TITLE).contains("campaign-chart").contains("未提出")
        .contains("/api/campaigns/" + id + "/table.pdf").contains("/api/campaigns/" + id + "/table.csv");

    // 2082: Chiyoda less, Hachioji more, Mitaka for the first time; the change per municipality and overall from
    // 2081's published table
    ProcessInstance second = startCampaign(CAMPAIGN, 2082, 5);
    enter(second, "131016", 900, 200.5);
    review(second, "131016", true);
    enter(second, "132012", 3500, 400);
    review(second, "132012", true);
    enter(second, "132047", 100, 10);
    review(second, "132047", true);
    JsonNode next = publish(second);
    assertThat(next.get("previousFiscalYear").asInt()).isEqualTo(2081);
    assertThat(next.get("rows").get(0).get("previousTotal").decimalValue()).isEqualByComparingTo("1200.5");
    assertThat(next.get("rows").get(0).get("change").decimalValue()).isEqualByComparingTo("-100");
    assertThat(next.get("rows").get(1).get("change").decimalValue()).isEqualByComparingTo("500");
    assertThat(next.get("rows").get(1).get("changePercent").decimalValue()).isEqualByComparingTo("14.7");
    assertThat(next.get("rows").get(2).get("submitted").asBoolean()).isFalse();
    assertThat(next.get("rows").get(2).get("previousTotal").decimalValue()).isEqualByComparingTo("550");
    assertThat(next.get("total").decimalValue()).isEqualByComparingTo("5110.5");
    assertThat(next.get("previousTotal").decimalValue()).isEqualByComparingTo("5150.5");
    assertThat(next.get("change").decimalValue()).isEqualByComparingTo("-40");
    assertThat(next.get("rows").get(4).get("submitted").asBoolean()).isTrue();
    assertThat(next.get("rows").get(4).has("previousTotal") && !next.get("rows").get(4).get("previousTotal").isNull())
        .as("Mitaka had no figure last year").isFalse();
    // the chart: Mitaka's bar for this year, and for last year a dash, not a bar of 0
    String nextPage = BrowserSession.signIn(port, "staff-132047").get("/campaigns/" + second.getId()).body();
    org.jsoup.nodes.Document chart = org.jsoup.Jsoup.parse(nextPage);
    assertThat(chart.select("#campaign-chart svg > rect").size()).as("bars: 3 this year, 2 last year").isEqualTo(5);
    assertThat(chart.select("#campaign-chart svg > text").eachText()).contains(BarChart.MISSING).doesNotContain("0");
    String nextPdf = PdfText.searchable(Api.as(port, "staff-131016").get("/api/campaigns/" + second.getId() + "/table.pdf").bytes());
    assertThat(nextPdf).contains("千代田区900200.51100.5-100.0(-8.3%)").contains("増減は令和63年度の公表値との差")
        .contains("令和64年度一斉依頼の集計結果");
  }

  @Test
  void a_campaign_of_all_62_municipalities_publishes_the_sum_of_their_accepted_figures() {
    deploy(MEMBER + ".bpmn", member());
    deploy(CAMPAIGN_OF_ALL + ".bpmn", campaign(CAMPAIGN_OF_ALL, "all", """
        <camunda:inputParameter name="title">62団体の集計表（試験）</camunda:inputParameter>
        <camunda:inputParameter name="fields">industry, household</camunda:inputParameter>
        <camunda:inputParameter name="issuerVariable">issuer</camunda:inputParameter>"""));
    List<String> all = registry.municipalities().stream().map(Municipality::tenantId).toList();
    assertThat(all).hasSize(62);

    // every municipality but the last two submits; every fifth is sent back once with figures that must not count
    ProcessInstance campaign = startCampaign(CAMPAIGN_OF_ALL, 2083, 62);
    BigDecimal industry = BigDecimal.ZERO;
    BigDecimal household = BigDecimal.ZERO;
    for (int i = 0; i < 60; i++) {
      String tenant = all.get(i);
      if (i % 5 == 0) {
        enter(campaign, tenant, 999_999, 999_999);
        review(campaign, tenant, false);
      }
      enter(campaign, tenant, 1000 + i, i + 0.25);
      review(campaign, tenant, true);
      industry = industry.add(BigDecimal.valueOf(1000 + i));
      household = household.add(BigDecimal.valueOf(i + 0.25));
    }
    JsonNode table = publish(campaign);

    assertThat(tenants(table.get("rows"))).containsExactlyElementsOf(all);
    assertThat(table.get("submitted").asInt()).isEqualTo(60);
    assertThat(submitted(table).subList(60, 62)).containsExactly(false, false);
    assertThat(table.get("totals").get("industry").decimalValue()).isEqualByComparingTo(industry);
    assertThat(table.get("totals").get("household").decimalValue()).isEqualByComparingTo(household);
    assertThat(table.get("total").decimalValue()).isEqualByComparingTo(industry.add(household));
    BigDecimal rows = BigDecimal.ZERO;
    for (JsonNode row : table.get("rows")) {
      rows = row.hasNonNull("total") ? rows.add(row.get("total").decimalValue()) : rows;
    }
    assertThat(rows).isEqualByComparingTo(industry.add(household));
    String pdf = PdfText.searchable(Api.as(port, "staff-131016").get("/api/campaigns/" + campaign.getId() + "/table.pdf").bytes());
    assertThat(pdf).contains("合計" + industry.toPlainString() + household.toPlainString()).contains("未提出")
        .doesNotContain("999999");
  }

  @Test
  void collecting_again_replaces_the_entry() {
    records.collect(new CampaignEntry("it-upsert-2083", MEMBER, "132021", 2083, Map.of("industry", new BigDecimal("10"))));
    records.collect(new CampaignEntry("it-upsert-2083", MEMBER, "132021", 2083, Map.of("industry", new BigDecimal("12.5"))));

    JsonNode entries = Api.as(port, "admin").get("/api/campaigns/it-upsert-2083/entries").json().get("entries");
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).get("figures").get("industry").decimalValue()).isEqualByComparingTo("12.5");
    assertThat(Api.as(port, "staff-132012").get("/api/campaigns/it-upsert-2083/entries").status()).isEqualTo(404);
  }

  @Test
  void the_gate_refuses_a_publish_step_without_its_columns() {
    Api.Response r = Api.as(port, "admin").post("/api/admin/deployments", Map.of("resourceName", "itTableNoFields.bpmn",
        "xml", ForbiddenModels.model("itTableNoFields", publishStep("""
            <camunda:inputParameter name="title">集計表</camunda:inputParameter>
            <camunda:inputParameter name="issuerVariable">issuer</camunda:inputParameter>"""), true)));
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.json().get("violations").get(0).get("rule").asText()).isEqualTo("block-input-missing");
    assertThat(r.json().get("violations").get(0).get("message").asText()).startsWith("Culprit: ").contains("fields");
  }

  private ProcessInstance startCampaign(String key, int fiscalYear, int municipalities) {
    ProcessInstance campaign = runtime.createProcessInstanceByKey(key).processDefinitionWithoutTenantId()
        .businessKey("IT-TABLE-" + fiscalYear).setVariables(Map.of("fiscalYear", fiscalYear, "issuer", "kyogikai"))
        .execute();
    Await.until("the job executor starts the municipalities' instances", () ->
        runtime.createProcessInstanceQuery().processDefinitionKey(MEMBER)
            .variableValueEquals("campaignInstanceId", campaign.getId()).count() == municipalities ? true : null);
    return campaign;
  }

  /** The municipality's staff complete their task with the figures, as the engine checks them (user, group, tenant). */
  private void enter(ProcessInstance campaign, String tenant, Number industry, Number household) {
    Task task = task(campaign, tenant, "enter");
    Map<String, Object> figures = new HashMap<>();
    figures.put("industry", industry);
    figures.put("household", household);
    identity.setAuthentication("staff-" + tenant, List.of("staff-" + tenant), List.of(tenant));
    try {
      tasks.complete(task.getId(), figures);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The secretariat sends back or accepts; accepted figures are collected in a job, which the test waits for. */
  private void review(ProcessInstance campaign, String tenant, boolean accepted) {
    Task review = task(campaign, tenant, "review");
    tasks.complete(review.getId(), Map.of("accepted", accepted));
    if (accepted) {
      Await.until("the job executor collects the entry of " + tenant, () ->
          runtime.createProcessInstanceQuery().processInstanceId(review.getProcessInstanceId()).count() == 0 ? true : null);
    }
  }

  private Task task(ProcessInstance campaign, String tenant, String key) {
    String member = runtime.createProcessInstanceQuery().processDefinitionKey(MEMBER).tenantIdIn(tenant)
        .variableValueEquals("campaignInstanceId", campaign.getId()).singleResult().getId();
    return tasks.createTaskQuery().processInstanceId(member).taskDefinitionKey(key).singleResult();
  }

  /** Completes the campaign's approval; the publish step runs as a job; the table as a municipality reads it. */
  /**
   * The coordinator approves the publication on the task's page: a step without a form, completed with the page's
   * button alone.
   */
  private JsonNode publish(ProcessInstance campaign) {
    String approve = tasks.createTaskQuery().processInstanceId(campaign.getId()).singleResult().getId();
    BrowserSession coordinator = BrowserSession.signIn(port, "manager-kyogikai");
    String page = coordinator.get("/tasks/" + approve).body();
    assertThat(page).contains("公表を承認").contains("このタスクには入力項目がありません").contains("id=\"task-complete\"");
    HttpResponse<String> done = coordinator.postForm("/tasks/" + approve, "_csrf=" + coordinator.csrf("/tasks/" + approve));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
    assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/tasks");
    assertThat(tasks.createTaskQuery().taskId(approve).count()).as("the approval is done").isZero();
    return Await.until("the job executor publishes the table", () -> {
      Api.Response r = Api.as(port, "staff-132047").get("/api/campaigns/" + campaign.getId() + "/table");
      return r.status() == 200 ? r.json() : null;
    });
  }

  /** The campaign in the list, or {@code null}. */
  private static JsonNode listed(JsonNode list, String id) {
    for (JsonNode campaign : list) {
      if (campaign.get("id").asText().equals(id)) {
        return campaign;
      }
    }
    return null;
  }

  private static List<String> tenants(JsonNode list) {
    List<String> found = new ArrayList<>();
    list.forEach(e -> found.add(e.get("tenantId").asText()));
    return found;
  }

  private static List<Boolean> submitted(JsonNode table) {
    List<Boolean> found = new ArrayList<>();
    table.get("rows").forEach(r -> found.add(r.get("submitted").asBoolean()));
    return found;
  }

  private void deploy(String name, String xml) {
    Api.Response r = Api.as(port, "admin").post("/api/admin/deployments", Map.of("resourceName", name, "xml", xml));
    assertThat(r.status()).as(r.toString()).isIn(200, 201);
  }

  /** Enter (the municipality's staff), review (the secretariat: send back or accept), collect the accepted figures. */
  private static String member() {
    return ForbiddenModels.model(MEMBER, """
        <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
        <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Merge"/>
        <bpmn:exclusiveGateway id="Merge"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:incoming>Flow_Back</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:exclusiveGateway>
        <bpmn:sequenceFlow id="Flow_2" sourceRef="Merge" targetRef="enter"/>
        <bpmn:userTask id="enter" name="排出量を入力" camunda:candidateGroups="staff-${tenantId}"><bpmn:incoming>Flow_2</bpmn:incoming><bpmn:outgoing>Flow_3</bpmn:outgoing></bpmn:userTask>
        <bpmn:sequenceFlow id="Flow_3" sourceRef="enter" targetRef="review"/>
        <bpmn:userTask id="review" name="確認" camunda:candidateGroups="kyogikai-reviewers"><bpmn:incoming>Flow_3</bpmn:incoming><bpmn:outgoing>Flow_4</bpmn:outgoing></bpmn:userTask>
        <bpmn:sequenceFlow id="Flow_4" sourceRef="review" targetRef="Decision"/>
        <bpmn:exclusiveGateway id="Decision" default="Flow_Back"><bpmn:incoming>Flow_4</bpmn:incoming><bpmn:outgoing>Flow_Accepted</bpmn:outgoing><bpmn:outgoing>Flow_Back</bpmn:outgoing></bpmn:exclusiveGateway>
        <bpmn:sequenceFlow id="Flow_Back" sourceRef="Decision" targetRef="Merge"/>
        <bpmn:sequenceFlow id="Flow_Accepted" sourceRef="Decision" targetRef="Collect"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${accepted}</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:serviceTask id="Collect" name="数値を集める" camunda:asyncBefore="true" camunda:delegateExpression="${collectCampaignEntryDelegate}"><bpmn:extensionElements><camunda:inputOutput>
        <camunda:inputParameter name="fields">industry, household</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements><bpmn:incoming>Flow_Accepted</bpmn:incoming><bpmn:outgoing>Flow_5</bpmn:outgoing></bpmn:serviceTask>
        <bpmn:sequenceFlow id="Flow_5" sourceRef="Collect" targetRef="EndEvent_1"/>
        <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_5</bpmn:incoming></bpmn:endEvent>""", false);
  }

  /** Start the campaign, wait for the coordinator's approval, publish. */
  private static String campaign(String key, String municipalities, String publishInputs) {
    return ForbiddenModels.model(key, """
        <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
        <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Start"/>
        <bpmn:serviceTask id="Start" name="各団体に依頼" camunda:asyncBefore="true" camunda:delegateExpression="${startCampaignDelegate}"><bpmn:extensionElements><camunda:inputOutput>
        <camunda:inputParameter name="processKey">%s</camunda:inputParameter>
        <camunda:inputParameter name="tenants">%s</camunda:inputParameter>
        <camunda:inputParameter name="passVariables">fiscalYear</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>
        <bpmn:sequenceFlow id="Flow_2" sourceRef="Start" targetRef="approve"/>
        <bpmn:userTask id="approve" name="公表を承認" camunda:candidateGroups="kyogikai-managers"><bpmn:incoming>Flow_2</bpmn:incoming><bpmn:outgoing>Flow_3</bpmn:outgoing></bpmn:userTask>
        <bpmn:sequenceFlow id="Flow_3" sourceRef="approve" targetRef="Culprit"/>
        %s
        <bpmn:sequenceFlow id="Flow_4" sourceRef="Culprit" targetRef="EndEvent_1"/>
        <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_4</bpmn:incoming></bpmn:endEvent>"""
        .formatted(MEMBER, municipalities, publishStep(publishInputs).replace("Flow_1", "Flow_3").replace("Flow_2", "Flow_4")),
        false);
  }

  private static String publishStep(String inputs) {
    return """
        <bpmn:serviceTask id="Culprit" name="集計表を公表" camunda:asyncBefore="true" camunda:delegateExpression="${publishCampaignTableDelegate}"><bpmn:extensionElements><camunda:inputOutput>%s</camunda:inputOutput></bpmn:extensionElements><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>"""
        .formatted(inputs);
  }
}
