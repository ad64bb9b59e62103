package jp.muniflow.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.muniflow.support.PdfText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every notice renders into a PDF whose extracted text holds what its reader checks: the title, the addressee with
 * 殿, the issuer, the date in the era, the document number, the contact office, and every value of its model as a
 * notice prints it (amounts with 円, dates in the era). The text is extracted by pdftotext or PDFBox.
 */
class NoticeRenderingTest {

  private final NoticeTemplates templates = new NoticeTemplates(null);
  private final NoticeRenderer renderer = new NoticeRenderer(NoticeFonts.bundled());

  static Stream<String> templateKeys() {
    return NoticeFixtures.VALUES.keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templateKeys")
  void each_japanese_notice_prints_its_header_and_every_value(String key) {
    NoticeTemplate template = templates.find(key, "131016", "kyogikai", "ja");
    RenderedNotice notice = renderer.render(template, NoticeFixtures.context(NoticeFixtures.model(key), "ja"));

    String text = PdfText.searchable(notice.pdf());
    assertThat(notice.pdf()).startsWith("%PDF".getBytes());
    assertThat(text).as("title").contains(PdfText.searchable(template.header("title")));
    assertThat(text).as("subject").contains(PdfText.searchable(notice.subject()));
    assertThat(text).as("addressee").contains("千代田区長殿");
    assertThat(text).as("issuer").contains("公益財団法人特別区協議会");
    assertThat(text).as("date").contains("令和8年4月10日");
    assertThat(text).as("document number").contains("8特区協第15号");
    assertThat(text).as("contact").contains("事業部事業推進課").contains("03-5210-9915");
    assertThat(text).as("verification page").contains("https://muniflow.example.lg.jp/verify");
    assertThat(text).as("verification code").contains("照合番号" + NoticeFixtures.CODE);
    for (String name : NoticeFixtures.VALUES.get(key)) {
      for (String printed : NoticeFixtures.PRINTED.get(name)) {
        assertThat(text).as("value %s printed as %s (%s)", name, printed, PdfText.extractor()).contains(PdfText.searchable(printed));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templateKeys")
  void each_notice_has_english_wording_too(String key) {
    NoticeTemplate template = templates.find(key, "131016", "kyogikai", "en");
    assertThat(template.language()).isEqualTo("en");
    RenderedNotice notice = renderer.render(template, NoticeFixtures.context(NoticeFixtures.model(key), "en"));

    String text = PdfText.searchable(notice.pdf());
    assertThat(text).contains(PdfText.searchable(template.header("title"))).contains("8特区協第15号")
        .contains("SpecialWardsCouncilFoundation").contains("10April2026");
    if (key.startsWith("subsidy.")) {
      assertThat(text).contains("APP-2026-0042").contains("区立小学校の緑のカーテン設置事業");
    }
  }

  @Test
  void optional_lines_are_left_out_without_a_gap_in_the_numbering() {
    Map<String, Object> model = NoticeFixtures.model("subsidy.withdrawal");
    model.remove("reason");
    NoticeTemplate template = templates.find("subsidy.withdrawal", "131016", "kyogikai", "ja");
    String text = PdfText.searchable(renderer.render(template, NoticeFixtures.context(model, "ja")).pdf());
    assertThat(text).doesNotContain("取下げの理由").contains("5取下げ日令和8年4月8日");
    assertThat(text).contains("3申請額1,500,000円");
  }

  @Test
  void a_missing_required_value_fails_with_its_name() {
    Map<String, Object> model = NoticeFixtures.model("subsidy.grant");
    model.remove("grantedAmount");
    NoticeTemplate template = templates.find("subsidy.grant", "131016", "kyogikai", "ja");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> renderer.render(template, NoticeFixtures.context(model, "ja")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grantedAmount").hasMessageContaining("subsidy.grant");
  }

  @Test
  void a_long_notice_continues_on_numbered_pages() {
    Map<String, Object> model = NoticeFixtures.model("subsidy.receipt");
    model.put("description", "校庭の芝生化と屋上緑化を組み合わせ、地域の住民と児童が協働して維持管理を行う。".repeat(60));
    NoticeTemplate template = templates.find("subsidy.receipt", "131016", "kyogikai", "ja");
    byte[] pdf = renderer.render(template, NoticeFixtures.context(model, "ja")).pdf();

    int pages = PdfText.pages(pdf);
    assertThat(pages).isGreaterThanOrEqualTo(2);
    String text = PdfText.searchable(pdf);
    assertThat(text).contains("1/" + pages).contains(pages + "/" + pages).contains("8特区協第15号");
    assertThat(text).contains(PdfText.searchable(NoticeFixtures.REGISTRY.secretariat("kyogikai").orElseThrow().phone()));
  }

  @Test
  void characters_the_font_lacks_do_not_break_the_notice() {
    Map<String, Object> model = new LinkedHashMap<>(NoticeFixtures.model("subsidy.rejection"));
    model.put("title", "緑😀のカーテン\u0007事業");
    model.put("rejectionReasons", "葛\uDB40\uDD00飾区の\u202E例と<b>タグ</b>");
    NoticeTemplate template = templates.find("subsidy.rejection", "131016", "kyogikai", "ja");
    byte[] pdf = renderer.render(template, NoticeFixtures.context(model, "ja")).pdf();

    String text = PdfText.searchable(pdf);
    assertThat(text).contains("緑〓のカーテン事業").contains("葛飾区の例と<b>タグ</b>");
  }

  @Test
  void all_eleven_notices_of_the_design_have_templates_in_both_languages() {
    List<String> keys = List.of("subsidy.receipt", "subsidy.correction-request", "subsidy.correction-reminder",
        "subsidy.lapse", "subsidy.grant", "subsidy.rejection", "subsidy.withdrawal", "subsidy.report-receipt",
        "subsidy.confirmation", "plan.decision", "plan.press-release");
    for (String key : keys) {
      for (String language : List.of("ja", "en")) {
        NoticeTemplate template = templates.find(key, null, "kyogikai", language);
        assertThat(template.language()).as(key + " " + language).isEqualTo(language);
        assertThat(template.source()).contains("/default/" + key + "." + language + ".txt");
      }
    }
  }
}
