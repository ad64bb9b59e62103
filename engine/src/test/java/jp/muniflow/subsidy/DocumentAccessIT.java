package jp.muniflow.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.BrowserSession;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.Multipart;
import jp.muniflow.support.PdfText;
import jp.muniflow.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Points 1 and 3 of issue 15 through the API: an application's documents in versions (a correction's budget
 * supersedes the first, both stay), the receipt notice listing what was received, downloads named in UTF-8 and never
 * sniffed, a reviewer's inline preview, the ZIP; internal notes for the secretariats only; and 404 on every document
 * path for another municipality's staff and a secretariat out of scope.
 */
@MuniFlowIntegrationTest
class DocumentAccessIT {

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void versions_access_downloads_and_the_zip() throws Exception {
    years.open(2026, SubsidyYears.DEFAULT_CAP, jp.muniflow.support.TestGrantRules.FY2026, "test");
    SubsidyFlows flows = new SubsidyFlows(port);
    byte[] plan = TestFiles.pdf("Business plan of Chiyoda");
    byte[] firstBudget = TestFiles.xlsx("1,200,000");
    Api staff = Api.as(port, "staff-131016");
    Api.Response submitted = staff.postMultipart("/api/subsidy-applications", new Multipart()
        .json("application", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(SubsidyFlows.application(2026, 200_000)))
        .file("business-plan", "事業計画書.pdf", plan)
        .file("budget", "収支予算書.xlsx", firstBudget));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    String id = submitted.json().get("id").asText();

    // the receipt notice lists the documents received, with the first digits of their SHA-256
    JsonNode receipt = Await.until("the receipt notice", () -> {
      for (JsonNode n : staff.get("/api/notices?applicationId=" + id).json()) {
        if (n.get("templateKey").asText().equals("subsidy.receipt")) {
          return n;
        }
      }
      return null;
    });
    String receiptText = PdfText.searchable(staff.get("/api/notices/" + receipt.get("id").asText() + "/pdf").bytes());
    assertThat(receiptText).contains(PdfText.searchable("提出書類")).contains(PdfText.searchable("事業計画書.pdf"))
        .contains(PdfText.searchable("収支予算書.xlsx")).contains(sha256(plan).substring(0, 16))
        .contains(sha256(firstBudget).substring(0, 16));

    // the reviewer adds an internal note and asks for a correction; staff replace the budget
    JsonNode review = flows.awaitTask("reviewer-kyogikai", id, "reviewApplication");
    assertThat(flows.attach("reviewer-kyogikai", id, review, new Multipart()
        .file("review-note", "審査メモ.txt", "積算根拠が不足。担当者に電話済み。".getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(201);
    assertThat(flows.attach("staff-131016", id, review, TestFiles.report()).status())
        .as("staff cannot stage on the reviewer's task").isEqualTo(404);
    assertThat(flows.complete("reviewer-kyogikai", review, "decision", "requestCorrection", "comment", "予算の積算根拠を添えてください。")
        .status()).isEqualTo(204);
    JsonNode correction = flows.awaitTask("staff-131016", id, "correctApplication");
    byte[] secondBudget = TestFiles.xlsx("1,000,000（積算根拠付き）");
    assertThat(flows.attach("staff-131016", id, correction, new Multipart()
        .file("budget", "収支予算書（補正）.xlsx", secondBudget)).status()).isEqualTo(201);
    assertThat(flows.complete("staff-131016", correction, "comment", "予算を見直しました。").status()).isEqualTo(204);

    Map<String, JsonNode> staffSees = byName(staff.get("/api/subsidy-applications/" + id + "/documents").json());
    assertThat(staffSees.keySet()).containsExactlyInAnyOrder("事業計画書.pdf", "収支予算書.xlsx", "収支予算書（補正）.xlsx");
    assertThat(staffSees.get("収支予算書.xlsx").get("current").asBoolean()).isFalse();
    assertThat(staffSees.get("収支予算書.xlsx").get("revision").asInt()).isEqualTo(1);
    assertThat(staffSees.get("収支予算書（補正）.xlsx").get("current").asBoolean()).isTrue();
    assertThat(staffSees.get("収支予算書（補正）.xlsx").get("revision").asInt()).isEqualTo(2);
    assertThat(staffSees.get("収支予算書（補正）.xlsx").get("step").asText()).isEqualTo("correction");
    assertThat(staffSees.get("収支予算書（補正）.xlsx").get("sha256").asText()).isEqualTo(sha256(secondBudget));
    assertThat(staffSees.get("事業計画書.pdf").get("uploadedBy").asText()).isEqualTo("staff-131016");
    Map<String, JsonNode> reviewerSees = byName(Api.as(port, "reviewer-kyogikai").get("/api/subsidy-applications/" + id + "/documents").json());
    assertThat(reviewerSees).containsKey("審査メモ.txt");
    assertThat(reviewerSees.get("審査メモ.txt").get("internal").asBoolean()).isTrue();
    String noteId = reviewerSees.get("審査メモ.txt").get("id").asText();
    String planId = staffSees.get("事業計画書.pdf").get("id").asText();
    String doc = "/api/subsidy-applications/" + id + "/documents/";

    // a download: the same bytes, a UTF-8 name (RFC 5987), never sniffed; inline only for a reviewer's preview
    Api.Response download = staff.get(doc + planId + "?inline=true");
    assertThat(download.status()).isEqualTo(200);
    assertThat(sha256(download.bytes())).isEqualTo(sha256(plan));
    assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(download.header("Content-Disposition")).startsWith("attachment;")
        .contains("filename*=UTF-8''%E4%BA%8B%E6%A5%AD%E8%A8%88%E7%94%BB%E6%9B%B8.pdf");
    Api.Response preview = Api.as(port, "reviewer-kyogikai").get(doc + planId + "?inline=true");
    assertThat(preview.header("Content-Disposition")).startsWith("inline;");
    assertThat(preview.header("X-Content-Type-Options")).isEqualTo("nosniff");
    Api.Response budgetPreview = Api.as(port, "reviewer-kyogikai")
        .get(doc + staffSees.get("収支予算書（補正）.xlsx").get("id").asText() + "?inline=true");
    assertThat(budgetPreview.header("Content-Disposition")).as("only PDFs and images open inline").startsWith("attachment;");
    assertThat(sha256(budgetPreview.bytes())).isEqualTo(sha256(secondBudget));

    // the ZIP: UTF-8 names, a folder a kind, earlier versions kept apart; internal notes only for the secretariats
    Map<String, byte[]> staffZip = unzip(staff.get("/api/subsidy-applications/" + id + "/documents.zip"));
    assertThat(staffZip.keySet()).containsExactlyInAnyOrder("事業計画書/事業計画書.pdf", "収支予算書/収支予算書（補正）.xlsx",
        "収支予算書/旧版/r1_収支予算書.xlsx");
    assertThat(sha256(staffZip.get("収支予算書/旧版/r1_収支予算書.xlsx"))).isEqualTo(sha256(firstBudget));
    assertThat(unzip(Api.as(port, "reviewer-kyogikai").get("/api/subsidy-applications/" + id + "/documents.zip")).keySet())
        .contains("審査メモ/審査メモ.txt");

    // staff never see internal notes
    assertThat(staff.get(doc + noteId).status()).isEqualTo(404);
    assertThat(staff.get(doc + noteId + "?inline=true").status()).isEqualTo(404);

    // another municipality's staff and a secretariat out of scope: 404 on every path, and nothing of the application
    List<String> paths = new ArrayList<>(List.of("/api/subsidy-applications/" + id + "/documents",
        "/api/subsidy-applications/" + id + "/documents.zip", doc + planId, doc + planId + "?inline=true", doc + noteId,
        "/api/subsidy-applications/" + id + "/tasks/" + correction.get("id").asText() + "/documents"));
    for (String outsider : List.of("staff-132012", "reviewer-shichokai", "manager-chosonkai")) {
      Api api = Api.as(port, outsider);
      for (String path : paths) {
        Api.Response r = api.get(path);
        assertThat(r.status()).as(outsider + " GET " + path).isEqualTo(404);
        assertThat(r.text()).doesNotContain("事業計画書").doesNotContain("千代田");
      }
      Api.Response stage = api.postMultipart("/api/subsidy-applications/" + id + "/tasks/" + review.get("id").asText()
          + "/documents", new Multipart().file("review-note", "x.txt", "x".getBytes(StandardCharsets.UTF_8)));
      assertThat(stage.status()).as(outsider + " stages").isEqualTo(404);
      BrowserSession pages = BrowserSession.signIn(port, outsider);
      assertThat(pages.get("/applications/" + id).statusCode()).isEqualTo(404);
    }

    // administrators see the counts and sizes per municipality; nobody else does
    JsonNode usage = Api.as(port, "admin").get("/api/admin/attachments/usage").json();
    JsonNode chiyoda = null;
    for (JsonNode u : usage) {
      if (u.get("tenantId").asText().equals("131016")) {
        chiyoda = u;
      }
    }
    assertThat(chiyoda).isNotNull();
    assertThat(chiyoda.get("files").asLong()).isGreaterThanOrEqualTo(4);
    assertThat(chiyoda.get("bytes").asLong()).isGreaterThanOrEqualTo(plan.length + firstBudget.length + secondBudget.length);
    assertThat(Api.as(port, "staff-131016").get("/api/admin/attachments/usage").status()).isEqualTo(403);
    var adminPage = BrowserSession.signIn(port, "admin").get("/admin/attachments");
    assertThat(adminPage.statusCode()).isEqualTo(200);
    assertThat(adminPage.body()).contains("data-tenant=\"131016\"").contains("千代田区");
    assertThat(BrowserSession.signIn(port, "manager-kyogikai").get("/admin/attachments").statusCode()).isEqualTo(403);
  }

  private static Map<String, JsonNode> byName(JsonNode documents) {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    documents.forEach(d -> byName.put(d.get("fileName").asText(), d));
    return byName;
  }

  /** The entries of a ZIP, read as UTF-8 names; every entry must say so (the language encoding flag, bit 11). */
  private static Map<String, byte[]> unzip(Api.Response zip) throws IOException {
    assertThat(zip.status()).as(zip.toString()).isEqualTo(200);
    assertThat(zip.header("Content-Type")).isEqualTo("application/zip");
    assertThat(zip.header("Content-Disposition")).contains("filename*=UTF-8''");
    byte[] bytes = zip.bytes();
    for (int i = 0; i + 8 < bytes.length; i++) {
      if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4) {
        int flags = (bytes[i + 6] & 0xff) | (bytes[i + 7] & 0xff) << 8;
        assertThat(flags & 0x800).as("UTF-8 flag of the entry at " + i).isEqualTo(0x800);
      }
    }
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }
}
