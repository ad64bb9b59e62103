package jp.muniflow.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template is found for the municipality first, then for the issuing secretariat, then the default; at each level
 * the operator's directory comes before the bundled files. The test classpath holds a 中央区 (131024) wording of
 * subsidy.withdrawal and a 市長会 (shichokai) wording of subsidy.lapse.
 */
class NoticeTemplatesTest {

  @TempDir
  Path operatorDir;

  @Test
  void a_municipality_s_own_template_comes_first_and_only_for_it() {
    NoticeTemplates templates = new NoticeTemplates(null);
    assertThat(templates.find("subsidy.withdrawal", "131024", "kyogikai", "ja").header("title")).isEqualTo("取下げ受理通知（中央区様式）");
    assertThat(templates.find("subsidy.withdrawal", "131016", "kyogikai", "ja").header("title")).isEqualTo("取下げ受理通知");
  }

  @Test
  void a_secretariat_s_template_comes_before_the_default() {
    NoticeTemplates templates = new NoticeTemplates(null);
    assertThat(templates.find("subsidy.lapse", "132012", "shichokai", "ja").header("title")).isEqualTo("失効通知（市長会様式）");
    assertThat(templates.find("subsidy.lapse", "131016", "kyogikai", "ja").header("title")).isEqualTo("失効通知");
  }

  @Test
  void the_operator_s_directory_comes_before_the_bundled_files_at_each_level() throws IOException {
    write("default/subsidy.grant.ja.txt", "title: 交付決定通知書（運用者版）\nsubject: 件名\n\n本文\n");
    write("kyogikai/subsidy.rejection.ja.txt", "title: 不交付決定通知書（協議会版）\nsubject: 件名\n\n本文\n");
    write("default/subsidy.withdrawal.ja.txt", "title: 取下げ（運用者の既定）\nsubject: 件名\n\n本文\n");
    NoticeTemplates templates = new NoticeTemplates(operatorDir);

    assertThat(templates.find("subsidy.grant", "131016", "kyogikai", "ja").header("title")).isEqualTo("交付決定通知書（運用者版）");
    assertThat(templates.find("subsidy.grant", "131016", "kyogikai", "ja").source()).startsWith(operatorDir.toString());
    assertThat(templates.find("subsidy.rejection", "131016", "kyogikai", "ja").header("title")).isEqualTo("不交付決定通知書（協議会版）");
    assertThat(templates.find("subsidy.rejection", "132012", "shichokai", "ja").header("title")).isEqualTo("不交付決定通知書");
    // the municipality's bundled wording is more specific than the operator's default
    assertThat(templates.find("subsidy.withdrawal", "131024", "kyogikai", "ja").header("title")).isEqualTo("取下げ受理通知（中央区様式）");
    assertThat(templates.find("subsidy.withdrawal", "131016", "kyogikai", "ja").header("title")).isEqualTo("取下げ（運用者の既定）");
  }

  @Test
  void a_change_in_the_operator_s_directory_applies_to_the_next_notice() throws IOException {
    NoticeTemplates templates = new NoticeTemplates(operatorDir);
    assertThat(templates.find("subsidy.grant", "131016", "kyogikai", "ja").header("title")).isEqualTo("交付決定通知書");
    write("131016/subsidy.grant.ja.txt", "title: 交付決定通知書（改訂）\nsubject: 件名\n\n本文\n");
    assertThat(templates.find("subsidy.grant", "131016", "kyogikai", "ja").header("title")).isEqualTo("交付決定通知書（改訂）");
  }

  @Test
  void a_template_missing_in_english_falls_back_to_japanese() throws IOException {
    write("default/custom.notice.ja.txt", "title: 独自の通知\nsubject: 件名\n\n本文\n");
    NoticeTemplate template = new NoticeTemplates(operatorDir).find("custom.notice", "131016", "kyogikai", "en");
    assertThat(template.language()).isEqualTo("ja");
    assertThat(template.header("closing")).as("the Japanese layout's labels").isEqualTo("以上");
  }

  @Test
  void the_layout_labels_fill_in_what_a_template_does_not_say() {
    NoticeTemplate ja = new NoticeTemplates(null).find("subsidy.grant", "131016", "kyogikai", "ja");
    assertThat(ja.header("honorific")).isEqualTo("殿");
    assertThat(ja.header("details")).isEqualTo("記");
    NoticeTemplate en = new NoticeTemplates(null).find("subsidy.grant", "131016", "kyogikai", "en");
    assertThat(en.header("details")).isEqualTo("Details");
  }

  @Test
  void keys_and_levels_cannot_leave_the_template_directories() throws IOException {
    // a file one directory above the operator's: reachable only through ".."
    write("x.ja.txt", "title: t\nsubject: s\n");
    Files.createDirectories(operatorDir.resolve("templates"));
    NoticeTemplates templates = new NoticeTemplates(operatorDir.resolve("templates"));
    assertThatThrownBy(() -> templates.find("../x", null, "kyogikai", "ja")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> templates.find("x", "..", "..", "ja")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no notice template");
  }

  @Test
  void an_unknown_key_names_itself() {
    assertThatThrownBy(() -> new NoticeTemplates(null).find("subsidy.unknown", "131016", "kyogikai", "ja"))
        .hasMessageContaining("subsidy.unknown");
  }

  @Test
  void the_format_has_headers_a_body_conditional_lines_and_numbered_details() {
    NoticeTemplate t = NoticeTemplate.parse("k", "ja", "test", """
        # comment
        title: 題名
        subject: {fiscalYear:fiscal-year}の件

        　本文一行目
        ?comment 　{comment}

        　本文三行目
        記
        事業名 | {title}
        ?comment 備考 | {comment}
        """);
    assertThat(t.header("title")).isEqualTo("題名");
    assertThat(t.body()).extracting(NoticeTemplate.Line::text).containsExactly("　本文一行目", "　{comment}", "", "　本文三行目");
    assertThat(t.body().get(1).condition()).isEqualTo("comment");
    assertThat(t.details()).extracting(NoticeTemplate.Line::condition).containsExactly(null, "comment");

    TemplateValues values = new TemplateValues("k", Map.of("fiscalYear", 2012, "title", "題"), Map.of(),
        LocalDate.of(2012, 2, 8), ZoneId.of("Asia/Tokyo"), "ja");
    assertThat(values.fill(t.header("subject"))).isEqualTo("平成24年度の件");
    assertThat(values.fill("{{literal}} {title}")).isEqualTo("{literal} 題");
    assertThat(values.present("comment")).isFalse();
  }

  @Test
  void a_template_without_title_or_subject_is_refused() {
    assertThatThrownBy(() -> NoticeTemplate.parse("k", "ja", "broken.txt", "title: only\n\nbody"))
        .hasMessageContaining("broken.txt").hasMessageContaining("subject");
  }

  private void write(String relative, String text) throws IOException {
    Path file = operatorDir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
