package jp.muniflow.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.muniflow.platform.InvalidInputException.FieldProblem;
import jp.muniflow.support.PdfText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The checks before a template written in the browser is previewed or published: every template MuniFlow ships passes
 * them and renders with its type's sample values; each kind of mistake is named with its line.
 */
class TemplateDraftCheckTest {

  private static final NoticeTypes TYPES = NoticeTypes.bundled();
  private final TemplateDraftCheck check = new TemplateDraftCheck(TYPES);

  static List<String> shippedKeys() {
    return TYPES.keys();
  }

  @ParameterizedTest
  @MethodSource("shippedKeys")
  void every_shipped_template_passes_and_renders_with_the_sample_values(String key) throws IOException {
    for (String language : List.of("ja", "en")) {
      String text = bundled(key, language);
      assertThat(check.key(key)).isEmpty();
      assertThat(check.text(key, text)).as(key + " " + language).isEmpty();
      NoticeTemplate template = new NoticeTemplates(null).withLayout(NoticeTemplate.parse(key, language, "test", text),
          "131016", "kyogikai");
      byte[] pdf = new NoticeRenderer(NoticeFonts.bundled()).render(template,
          NoticeFixtures.context(TYPES.samples(key), language)).pdf();
      assertThat(PdfText.searchable(pdf)).isNotBlank();
    }
  }

  @Test
  void a_placeholder_the_notice_type_does_not_offer_is_named_with_its_line() {
    String text = "title: 交付決定通知書\nsubject: 件名\n\n本文 {grantedAmount:yen}\n本文 {paymentId}\n?bankAccount 口座 {notice.issuer}\n";
    assertThat(check.text("subsidy.grant", text)).extracting(FieldProblem::messageKey, p -> List.of(p.args()))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("notice-template.not-offered", List.of(5, "paymentId")),
            org.assertj.core.groups.Tuple.tuple("notice-template.not-offered", List.of(6, "bankAccount")));
  }

  @Test
  void braces_must_pair_and_formats_must_exist() {
    assertThat(keys(check.text("subsidy.grant", "title: t\nsubject: s\n\n本文 {title\n"))).containsExactly("notice-template.unbalanced");
    assertThat(keys(check.text("subsidy.grant", "title: t\nsubject: s\n\n本文 title}\n"))).containsExactly("notice-template.unbalanced");
    assertThat(keys(check.text("subsidy.grant", "title: t\nsubject: s\n\n{{印字}} {title:money}\n")))
        .containsExactly("notice-template.unknown-format");
    assertThat(keys(check.text("subsidy.grant", "title: t\nsubject: s\n\n{題 名}\n"))).containsExactly("notice-template.bad-placeholder");
  }

  @Test
  void an_empty_a_headless_or_a_too_long_text_is_refused() {
    assertThat(keys(check.text("subsidy.grant", " \n"))).containsExactly("notice-template.empty");
    assertThat(keys(check.text("subsidy.grant", "本文だけ\n"))).contains("notice-template.header-line", "notice-template.missing-header");
    assertThat(keys(check.text("subsidy.grant", "title: t\n\nbody"))).containsExactly("notice-template.missing-header");
    assertThat(keys(check.text("subsidy.grant", "title: t\nsubject: s\n\n" + "あ".repeat(TemplateDraftCheck.MAX_CHARS))))
        .containsExactly("notice-template.too-large");
  }

  @Test
  void a_new_key_offers_what_its_family_offers_and_an_unknown_family_nothing() {
    assertThat(check.key("subsidy.thanks")).isEmpty();
    assertThat(TYPES.offered("subsidy.thanks")).contains("grantedAmount", "correctionDeadline", "notice.number");
    assertThat(keys(check.key("weather.report"))).containsExactly("notice-template.unknown-type");
    assertThat(keys(check.key("Subsidy Grant"))).containsExactly("notice-template.key-format");
    assertThat(keys(check.key("grant"))).containsExactly("notice-template.key-format");
  }

  private static List<String> keys(List<FieldProblem> problems) {
    return problems.stream().map(FieldProblem::messageKey).toList();
  }

  private static String bundled(String key, String language) throws IOException {
    try (InputStream in = TemplateDraftCheckTest.class.getClassLoader()
        .getResourceAsStream("notices/templates/default/" + key + "." + language + ".txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
