package jp.muniflow.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mail templates: bundled per language, an operator's own first, a broken one of theirs never stopping a mail. */
class MailTemplatesTest {

  private static final Map<String, Object> VALUES = Map.of("title", "「申請の審査」が届いています: 2026-131016-001",
      "taskName", "申請の審査", "about", "2026-131016-001（千代田区）", "due", "", "link",
      "https://muniflow.example.lg.jp/tasks/42", "user", "reviewer-kyogikai");

  @Test
  void the_first_line_is_the_subject_and_the_body_has_the_link_in_both_languages_and_html() {
    MailTemplates templates = new MailTemplates(null);
    RenderedMail ja = templates.render(List.of("task-offered"), "ja", VALUES);
    assertThat(ja.subject()).isEqualTo("[MuniFlow] 「申請の審査」が届いています: 2026-131016-001");
    assertThat(ja.text()).startsWith("reviewer-kyogikai 様").contains("https://muniflow.example.lg.jp/tasks/42")
        .doesNotContain("期限:");
    assertThat(ja.html()).contains("href=\"https://muniflow.example.lg.jp/tasks/42\"").contains("申請の審査");
    RenderedMail en = templates.render(List.of("task-offered"), "en", VALUES);
    assertThat(en.text()).startsWith("Dear reviewer-kyogikai,").contains("is waiting for your group");
  }

  @Test
  void a_variant_for_one_task_comes_before_its_kind_and_a_missing_language_falls_back_to_japanese() {
    MailTemplates templates = new MailTemplates(null);
    Map<String, Object> plan = new java.util.HashMap<>(VALUES);
    plan.put("fiscalYear", "2026");
    assertThat(templates.render(List.of("task-offered.reviewPlan", "task-offered"), "ja", plan).subject())
        .isEqualTo("[MuniFlow] 2026年度 事業計画の審査依頼");
    assertThat(templates.render(List.of("task-offered.revisePlan", "task-offered"), "ja", VALUES).subject())
        .contains("届いています");
    assertThat(templates.render(List.of("task-offered"), "fr", VALUES).text()).contains("様");
  }

  @Test
  void an_operators_template_is_used_at_once_and_a_broken_one_gives_way_to_the_bundled_one(@TempDir Path dir)
      throws IOException {
    MailTemplates templates = new MailTemplates(dir);
    Files.writeString(dir.resolve("task-offered.ja.txt"), "【MuniFlow】[(${taskName})]のお知らせ\n\n[(${link})]\n",
        StandardCharsets.UTF_8);
    RenderedMail own = templates.render(List.of("task-offered"), "ja", VALUES);
    assertThat(own.subject()).isEqualTo("【MuniFlow】申請の審査のお知らせ");
    assertThat(own.text()).isEqualTo("https://muniflow.example.lg.jp/tasks/42\n");
    assertThat(own.html()).as("the bundled HTML part stays").contains("申請の審査");

    Files.writeString(dir.resolve("task-offered.ja.txt"), "【MuniFlow】[(${taskName.noSuchMethod()})]\n\nbody\n",
        StandardCharsets.UTF_8);
    assertThat(templates.render(List.of("task-offered"), "ja", VALUES).subject())
        .isEqualTo("[MuniFlow] 「申請の審査」が届いています: 2026-131016-001");
  }
}
