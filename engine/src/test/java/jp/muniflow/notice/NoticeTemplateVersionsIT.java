package jp.muniflow.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.muniflow.modeling.internal.gate.ForbiddenModels;
import jp.muniflow.support.Api;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PdfText;
import jp.muniflow.support.TestGrantRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notice templates edited over HTTP as an administrator does it: a secretariat publishes its own version of the grant
 * notice; a notice issued before keeps its stored, sealed bytes and old text and still verifies; a notice issued
 * after prints the new text and records the new version; another secretariat's notices keep the shared text; a
 * refused text stores nothing and a non-administrator is forbidden. Fiscal year 2085 is this test's.
 *
 * <p>The version is published for 特別区長会事務局 (kuchokai), which no other test issues grant notices for, and only
 * adds a sentence, so that the other tests sharing this database keep reading the wording they expect.
 */
@MuniFlowIntegrationTest
class NoticeTemplateVersionsIT {

  private static final String LEVEL = "kuchokai";
  private static final String ADDED = "　本件の事務は特別区長会事務局が担当します（テンプレート版の確認）。";

  @LocalServerPort
  int port;

  @Autowired
  NoticeIssuing issuing;

  @Autowired
  JdbcClient jdbc;

  @Test
  void a_published_version_changes_later_notices_only_and_earlier_ones_keep_their_text_and_seal() {
    Api admin = Api.as(port, "admin");
    JsonNode opened = admin.get("/api/admin/notice-templates/subsidy.grant?level=" + LEVEL + "&language=ja").json();
    assertThat(opened.get("current").get("version").asText()).isEqualTo("bundled");
    assertThat(opened.get("current").get("level").asText()).isEqualTo("default");
    assertThat(opened.get("placeholders").toString()).contains("\"grantedAmount\"", "\"grantRules\"", "\"notice.number\"");
    String shared = opened.get("current").get("text").asText();
    int before = opened.get("versions").size();

    Notice earlier = issue(LEVEL, "131016");
    assertThat(earlier.templateVersion()).isEqualTo("bundled");
    byte[] earlierPdf = pdf(earlier);

    String edited = shared.replace("速やかに実績報告書を提出してください。", "速やかに実績報告書を提出してください。\n" + ADDED);
    assertThat(edited).contains(ADDED);
    Api.Response preview = admin.post("/api/admin/notice-templates/subsidy.grant/preview",
        Map.of("text", edited, "level", LEVEL, "language", "ja"));
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.contentType()).isEqualTo("application/pdf");
    String sample = PdfText.searchable(preview.bytes());
    assertThat(sample).contains("見本").contains(PdfText.searchable(ADDED.strip())).contains("1,200,000円");
    assertThat(versions("subsidy.grant")).as("a preview stores nothing").isEqualTo(before);

    Api.Response published = admin.post("/api/admin/notice-templates/subsidy.grant/versions",
        Map.of("text", edited, "level", LEVEL, "language", "ja"));
    assertThat(published.status()).as(published.text()).isEqualTo(201);
    String label = published.json().get("label").asText();
    assertThat(label).isEqualTo(LEVEL + ":v" + (before + 1));
    assertThat(published.json().get("publishedBy").asText()).isEqualTo("admin");
    assertThat(admin.get("/api/admin/audit?action=notice-template-published").json()).anySatisfy(e -> {
      assertThat(e.get("actor").asText()).isEqualTo("admin");
      assertThat(e.get("target").asText()).isEqualTo("subsidy.grant " + LEVEL + " ja");
      assertThat(e.get("details").asText()).startsWith("version " + (before + 1) + " (" + label + ")");
    });

    Notice later = issue(LEVEL, "131016");
    assertThat(later.templateVersion()).isEqualTo(label);
    assertThat(PdfText.searchable(pdf(later))).contains(PdfText.searchable(ADDED.strip())).contains("1,200,000円");
    JsonNode listed = Api.as(port, "staff-131016").get("/api/notices?applicationId=" + later.businessKey()).json();
    assertThat(listed.get(0).get("templateVersion").asText()).isEqualTo(label);

    // the notice issued before: the same stored bytes, the old text, and its seal still verifies
    byte[] stored = pdf(earlier);
    assertThat(stored).isEqualTo(earlierPdf);
    assertThat(NoticeIssuing.sha256(stored)).isEqualTo(earlier.sha256());
    assertThat(PdfText.searchable(stored)).doesNotContain(PdfText.searchable(ADDED.strip())).contains("1,200,000円");
    JsonNode verified = Api.anonymous(port).get("/api/notices/verify?documentNumber="
        + URLEncoder.encode(earlier.documentNumber(), StandardCharsets.UTF_8) + "&code=" + earlier.sha256()).json();
    assertThat(verified.get("valid").asBoolean()).isTrue();
    assertThat(verified.get("seal").get("valid").asBoolean()).isTrue();

    // another secretariat keeps the shared text
    Notice other = issue("kyogikai", "131024");
    assertThat(other.templateVersion()).isEqualTo("bundled");
    assertThat(PdfText.searchable(pdf(other))).doesNotContain(PdfText.searchable(ADDED.strip()));

    JsonNode history = admin.get("/api/admin/notice-templates/subsidy.grant?level=" + LEVEL).json();
    assertThat(history.get("current").get("version").asText()).isEqualTo(label);
    assertThat(history.get("versions").get(0).get("version").asInt()).isEqualTo(before + 1);
    assertThat(history.get("versions").get(0).get("text").asText()).isEqualTo(edited);
    assertThat(admin.get("/api/admin/notice-templates").json().toString())
        .contains("{\"key\":\"subsidy.grant\",\"level\":\"" + LEVEL + "\",\"language\":\"ja\",\"version\":\"" + label + "\"}");
  }

  @Test
  void every_refused_text_is_named_in_a_problem_and_stores_nothing() {
    Api admin = Api.as(port, "admin");
    String good = admin.get("/api/admin/notice-templates/subsidy.receipt?level=chosonkai").json().get("current").get("text").asText();
    long before = jdbc.sql("select count(*) from mf_notice_template_version").query(Long.class).single();
    // key, text, level, the field named, what the message says
    List<Object[]> refusals = List.of(
        new Object[] {"Subsidy Grant", good, "chosonkai", "key", "テンプレートのキーの形式ではありません"},
        new Object[] {"weather.report", good, "chosonkai", "key", "どの種類の通知書か分かりません"},
        new Object[] {"subsidy.receipt", good + "\n{paymentId}\n", "chosonkai", "text", "「paymentId」は、この種類の通知書では使えません"},
        new Object[] {"subsidy.receipt", good + "\n{title\n", "chosonkai", "text", "波括弧が対になっていません"},
        new Object[] {"subsidy.receipt", "  \n", "chosonkai", "text", "テンプレートの文面が空です"},
        new Object[] {"subsidy.receipt", good + "あ".repeat(20_001), "chosonkai", "text", "文面が長すぎます"},
        new Object[] {"subsidy.receipt", good, "no-such-body", "level", "「no-such-body」という単位"},
        new Object[] {"subsidy.receipt", good, "999999", "level", "「999999」という単位"});
    for (Object[] r : refusals) {
      for (String path : List.of("/versions", "/preview")) {
        String where = r[0] + path + " " + r[4];
        Api.Response answer = admin.post("/api/admin/notice-templates/" + URLEncoder.encode((String) r[0], StandardCharsets.UTF_8)
            .replace("+", "%20") + path, Map.of("text", r[1], "level", r[2], "language", "ja"));
        assertThat(answer.status()).as(where).isEqualTo(400);
        assertThat(answer.contentType()).as(where).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").toString()).as(where).contains("\"field\":\"" + r[3] + "\"").contains((String) r[4]);
      }
    }
    assertThat(jdbc.sql("select count(*) from mf_notice_template_version").query(Long.class).single()).isEqualTo(before);
  }

  @Test
  void a_model_may_name_a_notice_written_in_the_browser_once_it_has_a_shared_version() {
    Api admin = Api.as(port, "admin");
    String key = "subsidy.thanks-" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
    String xml = ForbiddenModels.model("mfTemplateGate", """
        <bpmn:serviceTask id="Culprit" camunda:asyncBefore="true" camunda:delegateExpression="${issueNoticeDelegate}">\
        <bpmn:extensionElements><camunda:inputOutput>\
        <camunda:inputParameter name="templateKey">%s</camunda:inputParameter>\
        <camunda:inputParameter name="issuerVariable">decidingSecretariat</camunda:inputParameter>\
        </camunda:inputOutput></bpmn:extensionElements>\
        <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>""".formatted(key), true);
    Map<String, Object> model = Map.of("resourceName", "mf-template-gate.bpmn", "xml", xml);
    JsonNode before = admin.post("/api/admin/validate", model).json();
    assertThat(before.get("valid").asBoolean()).isFalse();
    assertThat(before.get("violations").toString()).contains(key);

    Api.Response published = admin.post("/api/admin/notice-templates/" + key + "/versions", Map.of("language", "ja",
        "text", "title: お礼状\nsubject: {fiscalYear:fiscal-year}の事業へのご協力について\n\n　{title}へのご協力に感謝します。\n"));
    assertThat(published.status()).as(published.text()).isEqualTo(201);
    assertThat(published.json().get("label").asText()).isEqualTo("default:v1");

    JsonNode after = admin.post("/api/admin/validate", model).json();
    assertThat(after.get("valid").asBoolean()).as(after.toString()).isTrue();
  }

  @Test
  void only_administrators_edit_templates() {
    for (String user : List.of("staff-131016", "reviewer-kyogikai", "manager-shichokai")) {
      Api api = Api.as(port, user);
      assertThat(api.get("/api/admin/notice-templates").status()).as(user).isEqualTo(403);
      assertThat(api.post("/api/admin/notice-templates/subsidy.grant/versions",
          Map.of("text", "title: t\nsubject: s\n\n本文", "level", "default", "language", "ja")).status()).as(user).isEqualTo(403);
    }
    assertThat(Api.anonymous(port).get("/api/admin/notice-templates").status()).isEqualTo(401);
    assertThat(jdbc.sql("select count(*) from mf_notice_template_version where text = ?").param("title: t\nsubject: s\n\n本文")
        .query(Long.class).single()).isZero();
  }

  private Notice issue(String issuer, String tenant) {
    String applicationId = "APP-2085-" + UUID.randomUUID();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("applicationId", applicationId);
    model.put("fiscalYear", 2085);
    model.put("title", "区立公園の雨水利用設備設置事業");
    model.put("requestedAmount", 1_500_000);
    model.put("grantedAmount", 1_200_000);
    model.put("plannedStart", LocalDate.of(2085, 5, 1));
    model.put("plannedEnd", LocalDate.of(2086, 2, 28));
    model.put("submittedOn", LocalDate.of(2085, 4, 1));
    model.put("grantRules", Map.of("name", TestGrantRules.FY2026.name(), "articles", Map.of("grant", "第8条")));
    model.put("standardConditions", TestGrantRules.FY2026.conditions());
    return issuing.issue(new NoticeDraft("subsidy.grant", tenant, issuer, "区長", model, "ja", null, null, applicationId));
  }

  private byte[] pdf(Notice notice) {
    Api.Response r = Api.as(port, "admin").get("/api/notices/" + notice.id() + "/pdf");
    assertThat(r.status()).isEqualTo(200);
    return r.bytes();
  }

  private long versions(String key) {
    return jdbc.sql("select count(*) from mf_notice_template_version where template_key = ?").param(key).query(Long.class).single();
  }
}
