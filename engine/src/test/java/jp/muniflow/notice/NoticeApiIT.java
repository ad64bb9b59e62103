package jp.muniflow.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.muniflow.platform.JapaneseCalendar;
import jp.muniflow.processes.notice.IssuedNotice;
import jp.muniflow.processes.notice.NoticeRequest;
import jp.muniflow.support.Api;
import jp.muniflow.support.JobsSettled;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PdfText;
import jp.muniflow.support.TestGrantRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notices over HTTP as their readers meet them: each municipality's staff list and download their own notices and
 * get 404 for another's; a secretariat sees the notices of its scope and those it issued; anyone can verify a
 * document number with its code, and a tampered code or an unknown number is not valid.
 */
@MuniFlowIntegrationTest
class NoticeApiIT {

  @LocalServerPort
  int port;

  @Autowired
  NoticeIssuing issuing;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ManagementService management;

  private String applicationId;
  private Notice chiyoda;
  private Notice hachioji;
  private Notice pressRelease;

  @BeforeEach
  void issueNotices() {
    applicationId = "APP-" + UUID.randomUUID();
    chiyoda = issuing.issue(new NoticeDraft("subsidy.grant", "131016", "kyogikai", "千代田区長", grantModel(applicationId),
        "ja", null, null, applicationId));
    String other = "APP-" + UUID.randomUUID();
    hachioji = issuing.issue(new NoticeDraft("subsidy.grant", "132012", "shichokai", "八王子市長", grantModel(other),
        "ja", null, null, other));
    pressRelease = issuing.issue(NoticeDraft.of("plan.press-release", null, "kyogikai", null, Map.of(
        "fiscalYear", 2026, "councilDate", "2026-02-05", "projectName", "みどり東京・温暖化防止プロジェクト",
        "totalBudgetYen", 206_000_000L, "programs", List.of(Map.of("code", "1-1", "title", "共同事業普及・啓発",
            "description", "啓発物品の作成", "kind", "new", "contacts", List.of("chosakai"),
            "area", Map.of("code", "1", "title", "普及啓発"))))));
  }

  private static Map<String, Object> grantModel(String applicationId) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("applicationId", applicationId);
    model.put("fiscalYear", 2026);
    model.put("title", "緑のカーテン設置事業");
    model.put("requestedAmount", 1_500_000);
    model.put("grantedAmount", 1_200_000);
    model.put("plannedStart", LocalDate.of(2026, 5, 1));
    model.put("plannedEnd", LocalDate.of(2027, 2, 28));
    // no application record stands behind these notices: what the subsidy's records would add comes with them
    model.put("submittedOn", LocalDate.of(2026, 4, 1));
    model.put("grantRules", Map.of("name", TestGrantRules.FY2026.name(), "articles", Map.of("grant", "第8条")));
    model.put("standardConditions", TestGrantRules.FY2026.conditions());
    return model;
  }

  @Test
  void staff_list_their_municipality_s_notices_with_their_metadata() {
    JsonNode list = Api.as(port, "staff-131016").get("/api/notices").json();
    List<String> ids = ids(list);
    assertThat(ids).contains(chiyoda.id()).doesNotContain(hachioji.id(), pressRelease.id());
    JsonNode mine = find(list, chiyoda.id());
    assertThat(mine.get("documentNumber").asText()).isEqualTo(chiyoda.documentNumber()).contains("特区協第").endsWith("号");
    assertThat(mine.get("type").asText()).isEqualTo("交付決定通知書");
    assertThat(mine.get("templateKey").asText()).isEqualTo("subsidy.grant");
    assertThat(mine.get("tenantId").asText()).isEqualTo("131016");
    assertThat(mine.get("issuer").asText()).isEqualTo("公益財団法人特別区協議会");
    assertThat(mine.get("addressee").asText()).isEqualTo("千代田区長");
    assertThat(mine.get("subject").asText()).contains("交付決定について");
    assertThat(mine.get("issuedAt").asText()).isNotBlank();
    assertThat(mine.get("sha256").asText()).matches("[0-9a-f]{64}");
  }

  @Test
  void staff_download_their_notice_whose_code_is_the_sha256_of_the_bytes() {
    Api.Response pdf = Api.as(port, "staff-131016").get("/api/notices/" + chiyoda.id() + "/pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.contentType()).isEqualTo("application/pdf");
    assertThat(pdf.header("Content-Disposition")).isEqualTo("attachment; filename=\"notice-" + chiyoda.id() + ".pdf\"; "
        + "filename*=UTF-8''" + URLEncoder.encode(chiyoda.documentNumber(), StandardCharsets.UTF_8) + ".pdf");
    assertThat(NoticeIssuing.sha256(pdf.bytes())).isEqualTo(chiyoda.sha256());
    String text = PdfText.searchable(pdf.bytes());
    assertThat(text).contains(chiyoda.documentNumber()).contains("千代田区長殿").contains("1,200,000円").contains(applicationId);
  }

  @Test
  void another_tenant_s_staff_get_404_for_the_pdf_and_never_see_it_listed() {
    Api hachiojiStaff = Api.as(port, "staff-132012");
    Api.Response r = hachiojiStaff.get("/api/notices/" + chiyoda.id() + "/pdf");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.text()).doesNotContain("131016").doesNotContain("千代田").doesNotContain(chiyoda.documentNumber());
    assertThat(hachiojiStaff.get("/api/notices/" + UUID.randomUUID() + "/pdf").status()).isEqualTo(404);
    assertThat(ids(hachiojiStaff.get("/api/notices").json())).contains(hachioji.id()).doesNotContain(chiyoda.id());
    assertThat(hachiojiStaff.get("/api/notices?applicationId=" + applicationId).json()).isEmpty();
    assertThat(hachiojiStaff.get("/api/notices/" + pressRelease.id() + "/pdf").status()).isEqualTo(404);
  }

  @Test
  void a_secretariat_sees_its_scope_what_it_issued_and_the_press_release() {
    Api kyogikai = Api.as(port, "reviewer-kyogikai");
    assertThat(ids(kyogikai.get("/api/notices").json())).contains(chiyoda.id(), pressRelease.id()).doesNotContain(hachioji.id());
    assertThat(kyogikai.get("/api/notices/" + chiyoda.id() + "/pdf").status()).isEqualTo(200);
    assertThat(kyogikai.get("/api/notices/" + hachioji.id() + "/pdf").status()).isEqualTo(404);

    Api shichokai = Api.as(port, "manager-shichokai");
    assertThat(ids(shichokai.get("/api/notices").json())).contains(hachioji.id(), pressRelease.id()).doesNotContain(chiyoda.id());
    assertThat(shichokai.get("/api/notices/" + chiyoda.id() + "/pdf").status()).isEqualTo(404);
    Api.Response release = shichokai.get("/api/notices/" + pressRelease.id() + "/pdf");
    assertThat(release.status()).isEqualTo(200);
    assertThat(PdfText.searchable(release.bytes())).contains("報道資料").contains("共同事業普及・啓発").contains("2億600万円");

    assertThat(ids(Api.as(port, "admin").get("/api/notices").json())).contains(chiyoda.id(), hachioji.id(), pressRelease.id());
  }

  @Test
  void the_list_narrows_to_one_application() {
    JsonNode list = Api.as(port, "staff-131016").get("/api/notices?applicationId=" + applicationId).json();
    assertThat(ids(list)).containsExactly(chiyoda.id());
  }

  @Test
  void the_list_needs_a_signed_in_user() {
    assertThat(Api.anonymous(port).get("/api/notices").status()).isEqualTo(401);
    assertThat(Api.anonymous(port).get("/api/notices/" + chiyoda.id() + "/pdf").status()).isEqualTo(401);
  }

  @Test
  void anyone_verifies_the_real_pair_and_learns_only_type_issuer_date_and_seal() {
    JsonNode answer = Api.anonymous(port).get(verify(chiyoda.documentNumber(), chiyoda.sha256())).json();
    assertThat(answer.get("valid").asBoolean()).isTrue();
    assertThat(answer.get("type").asText()).isEqualTo("交付決定通知書");
    assertThat(answer.get("issuer").asText()).isEqualTo("公益財団法人特別区協議会");
    assertThat(answer.get("issuedAt").asText()).startsWith(chiyoda.issuedAt().toString().substring(0, 16));
    List<String> fields = new ArrayList<>();
    answer.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyInAnyOrder("valid", "type", "issuer", "issuedAt", "seal");
    // the seal names who sealed, never the municipality or the addressee
    assertThat(answer.get("seal").get("valid").asBoolean()).isTrue();
    assertThat(answer.get("seal").get("signer").asText()).isEqualTo("公益財団法人特別区協議会");
    assertThat(answer.toString()).doesNotContain("千代田");
    // a code copied in capitals is the same code
    assertThat(Api.anonymous(port).get(verify(chiyoda.documentNumber(), chiyoda.sha256().toUpperCase())).json()
        .get("valid").asBoolean()).isTrue();
  }

  @Test
  void a_tampered_code_or_an_unknown_number_is_not_valid_and_says_nothing_more() {
    String sha = chiyoda.sha256();
    String tampered = (sha.charAt(0) == '0' ? "1" : "0") + sha.substring(1);
    for (String path : List.of(
        verify(chiyoda.documentNumber(), tampered),
        verify(hachioji.documentNumber(), chiyoda.sha256()),
        verify("99特区協第99999号", chiyoda.sha256()),
        verify(chiyoda.documentNumber(), "not-a-code"),
        "/api/notices/verify",
        "/api/notices/verify?documentNumber=" + URLEncoder.encode(chiyoda.documentNumber(), StandardCharsets.UTF_8))) {
      Api.Response r = Api.anonymous(port).get(path);
      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(r.json().toString()).as(path).isEqualTo("{\"valid\":false}");
    }
  }

  @Test
  void document_numbers_follow_each_other_per_issuer_in_the_fiscal_year_s_era() throws InterruptedException {
    // the two numbers are to follow each other: no job may take one of the issuer's numbers between them
    JobsSettled.await(management);
    Notice first = issuing.issue(NoticeDraft.of("subsidy.receipt", "132021", "chosakai", "立川市長", receiptModel()));
    Notice second = issuing.issue(NoticeDraft.of("subsidy.receipt", "132021", "chosakai", "立川市長", receiptModel()));
    LocalDate today = LocalDate.ofInstant(first.issuedAt(), java.time.ZoneId.of("Asia/Tokyo"));
    String era = JapaneseCalendar.fiscalYearEra(JapaneseCalendar.fiscalYear(today), today).yearText();
    int n = Integer.parseInt(first.documentNumber().replaceAll(".*第(\\d+)号", "$1"));
    assertThat(first.documentNumber()).isEqualTo(era + "東自治調第" + n + "号");
    assertThat(second.documentNumber()).isEqualTo(era + "東自治調第" + (n + 1) + "号");
  }

  @Test
  void the_same_process_step_issues_one_notice_however_often_it_runs() {
    String instance = UUID.randomUUID().toString();
    NoticeRequest request = new NoticeRequest("subsidy.receipt", "131016", "kyogikai", instance, "Activity_receipt:1",
        "APP-1", receiptModel());
    IssuedNotice first = issuing.issue(request);
    IssuedNotice again = issuing.issue(request);
    assertThat(again).isEqualTo(first);
    assertThat(jdbc.sql("select count(*) from mf_notice where process_instance_id = ?").param(instance)
        .query(Integer.class).single()).isEqualTo(1);
    JsonNode list = Api.as(port, "staff-131016").get("/api/notices?applicationId=APP-1").json();
    assertThat(find(list, first.id()).get("addressee").asText()).isEqualTo("千代田区長");
  }

  private static Map<String, Object> receiptModel() {
    Map<String, Object> model = new LinkedHashMap<>(grantModel("APP-1"));
    model.put("description", "説明");
    return model;
  }

  private static String verify(String documentNumber, String code) {
    return "/api/notices/verify?documentNumber=" + URLEncoder.encode(documentNumber, StandardCharsets.UTF_8) + "&code=" + code;
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
      ids.add(it.next().get("id").asText());
    }
    return ids;
  }

  private static JsonNode find(JsonNode list, String id) {
    for (JsonNode n : list) {
      if (n.get("id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("notice " + id + " not in " + list);
  }
}
