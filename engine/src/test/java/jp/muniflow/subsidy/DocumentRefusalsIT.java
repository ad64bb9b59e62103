package jp.muniflow.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jp.muniflow.support.Api;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.Multipart;
import jp.muniflow.support.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Point 2 of issue 15: each file that must not be accepted is refused with its own message, in Japanese and English,
 * and nothing of it is stored (no staged row, no chunk, no record, no application); a name with path parts and control
 * characters is stored under a safe name; a submission missing required documents names every missing one at once.
 */
@MuniFlowIntegrationTest
class DocumentRefusalsIT {

  static final String STAFF = "staff-131130";
  static final int YEAR = 2026;

  @LocalServerPort
  int port;

  @Autowired
  SubsidyYears years;

  @Autowired
  JdbcClient jdbc;

  @BeforeEach
  void openYear() {
    years.open(YEAR, SubsidyYears.DEFAULT_CAP, jp.muniflow.support.TestGrantRules.FY2026, "test");
  }

  private long rows(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private List<Long> everything() {
    List<Long> counts = new ArrayList<>();
    for (String table : List.of("mf_attachment", "mf_attachment_chunk", "mf_attachment_draft", "mf_attachment_draft_chunk",
        "mf_subsidy_application")) {
      counts.add(rows(table));
    }
    return counts;
  }

  private static String application() {
    return "{\"fiscalYear\": " + YEAR + ", \"title\": \"街路灯のLED化\", \"description\": \"区内の街路灯をLEDに更新する。\","
        + " \"requestedAmount\": 300000, \"plannedStart\": \"2026-06-01\", \"plannedEnd\": \"2027-02-28\"}";
  }

  /** Submits the application with a budget and the given file as 事業計画書; expects the refusal, and nothing kept. */
  private JsonNode refused(String fileName, byte[] content, String language) {
    List<Long> before = everything();
    Api.Response r = Api.as(port, STAFF).inLanguage(language).postMultipart("/api/subsidy-applications", new Multipart()
        .json("application", application())
        .file("business-plan", fileName, content)
        .file("budget", "収支予算書.xlsx", TestFiles.xlsx("300,000")));
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(everything()).as("nothing stored of a refused request").isEqualTo(before);
    JsonNode errors = r.json().get("errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).get("field").asText()).isEqualTo("documents.business-plan");
    return errors.get(0);
  }

  private String refusedMessage(String fileName, byte[] content) {
    return refused(fileName, content, "ja").get("message").asText();
  }

  @Test
  void a_program_renamed_pdf_is_refused() {
    assertThat(refusedMessage("事業計画書.pdf", TestFiles.exe()))
        .isEqualTo("「事業計画書.pdf」は実行ファイルまたはスクリプトです。ファイル名や拡張子にかかわらず、添付できません。");
    assertThat(refused("plan.pdf", TestFiles.exe(), "en").get("message").asText())
        .isEqualTo("\"plan.pdf\" is a program or a script. It cannot be attached, whatever its name or extension.");
  }

  @Test
  void a_macro_enabled_word_file_is_refused() {
    assertThat(refusedMessage("事業計画書.docm", TestFiles.docm("計画"))).contains("「事業計画書.docm」はマクロを含むOffice文書です");
    assertThat(refusedMessage("事業計画書.docx", TestFiles.docm("計画"))).as("also when renamed .docx")
        .contains("マクロを含むOffice文書");
  }

  @Test
  void an_encrypted_pdf_is_refused() {
    assertThat(refusedMessage("事業計画書.pdf", TestFiles.encryptedPdf()))
        .contains("「事業計画書.pdf」はパスワードまたは暗号化で保護されたPDFです");
  }

  @Test
  void an_empty_file_is_refused() {
    assertThat(refusedMessage("事業計画書.pdf", new byte[0])).contains("「事業計画書.pdf」は空のファイル（0バイト）です");
  }

  @Test
  void a_file_above_20_mb_is_refused() {
    assertThat(refusedMessage("事業計画書.pdf", TestFiles.largePdf(21 * 1024 * 1024)))
        .isEqualTo("「事業計画書.pdf」（21 MB）は1ファイルの上限 20 MB を超えています。ファイルを分けるか、小さくして添付してください。");
  }

  @Test
  void an_archive_is_refused_unopened() {
    assertThat(refusedMessage("事業計画書.zip", TestFiles.zip())).contains("「事業計画書.zip」は圧縮ファイル（ZIPなど）です");
    assertThat(refusedMessage("事業計画書.pdf", TestFiles.zip())).as("also when renamed").contains("圧縮ファイル");
  }

  @Test
  void a_type_the_kind_does_not_take_is_refused_with_what_it_takes() {
    assertThat(refusedMessage("事業計画書.jpg", TestFiles.jpeg())).isEqualTo("「事業計画書.jpg」はJPEGのファイルです。事業計画書に添付できるのは PDF, Word, PowerPoint です。");
  }

  @Test
  void a_name_with_path_parts_and_control_characters_is_stored_under_a_safe_name() {
    Api staff = Api.as(port, STAFF);
    Api.Response r = staff.postMultipart("/api/subsidy-applications", new Multipart()
        .json("application", application())
        .file("business-plan", "../../etc/\u0007事業\u202E計画書.pdf", TestFiles.pdf("plan"))
        .file("budget", "..\\\\収支予算書.xlsx", TestFiles.xlsx("300,000")));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonNode documents = staff.get("/api/subsidy-applications/" + r.json().get("id").asText() + "/documents").json();
    List<String> names = new ArrayList<>();
    documents.forEach(d -> names.add(d.get("fileName").asText()));
    assertThat(names).containsExactlyInAnyOrder("事業計画書.pdf", "収支予算書.xlsx");
  }

  @Test
  void a_submission_without_its_required_documents_names_every_missing_one() {
    List<Long> before = everything();
    Api.Response none = Api.as(port, STAFF).postRaw("/api/subsidy-applications", "application/json",
        application().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(none.status()).as(none.toString()).isEqualTo(400);
    List<String> messages = new ArrayList<>();
    none.json().get("errors").forEach(e -> messages.add(e.get("field").asText() + ": " + e.get("message").asText()));
    assertThat(messages).containsExactlyInAnyOrder("documents.business-plan: 事業計画書が添付されていません。",
        "documents.budget: 収支予算書が添付されていません。");

    Api.Response one = Api.as(port, STAFF).inLanguage("en").postMultipart("/api/subsidy-applications", new Multipart()
        .json("application", application()).file("estimate", "見積書.pdf", TestFiles.pdf("quote")));
    assertThat(one.status()).isEqualTo(400);
    assertThat(one.text()).contains("Business plan is missing.").contains("Budget is missing.");
    assertThat(everything()).as("nothing stored, the optional quotation neither").isEqualTo(before);
  }

  @Test
  void too_many_files_of_a_kind_and_an_unknown_kind_are_refused() {
    List<Long> before = everything();
    Api.Response r = Api.as(port, STAFF).postMultipart("/api/subsidy-applications", new Multipart()
        .json("application", application())
        .file("business-plan", "計画.pdf", TestFiles.pdf("plan"))
        .file("budget", "収支予算書.xlsx", TestFiles.xlsx("1"))
        .file("invoice", "請求書.pdf", TestFiles.pdf("invoice")));
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.text()).contains("書類の種類「invoice」はこの手続では受け付けていません");
    assertThat(everything()).isEqualTo(before);
  }
}
