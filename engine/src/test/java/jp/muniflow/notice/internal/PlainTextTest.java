package jp.muniflow.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What users type reaches the page as printable plain text, whatever they typed. */
class PlainTextTest {

  private final PlainText text = NoticeFonts.bundled().plainText();

  @Test
  void japanese_and_ascii_pass_unchanged() {
    assertThat(text.line("千代田区長　殿 ABC 1,500,000円（令和8年度）")).isEqualTo("千代田区長　殿 ABC 1,500,000円（令和8年度）");
  }

  @Test
  void an_emoji_the_font_lacks_becomes_the_geta_mark() {
    assertThat(text.line("省エネ😀推進")).isEqualTo("省エネ〓推進");
  }

  @Test
  void variation_selectors_are_dropped_leaving_the_base_character() {
    // 葛 with the IVS selector U+E0100, and a text-presentation selector U+FE0E
    assertThat(text.line("葛\uDB40\uDD00飾区")).isEqualTo("葛飾区");
    assertThat(text.line("☎\uFE0E")).doesNotContain("\uFE0E");
  }

  @Test
  void control_and_formatting_characters_are_dropped() {
    assertThat(text.line("a\u0000b\u0007c\u001Bd\u202Ee\u200Bf\uFEFFg")).isEqualTo("abcdefg");
  }

  @Test
  void line_breaks_are_kept_only_where_lines_are_allowed() {
    assertThat(text.lines("一行目\r\n二行目\tタブ")).isEqualTo("一行目\n二行目 タブ");
    assertThat(text.line("一行目\r\n二行目")).isEqualTo("一行目 二行目");
  }

  @Test
  void markup_stays_plain_text() {
    assertThat(text.line("<b>太字</b> &amp; <script>")).isEqualTo("<b>太字</b> &amp; <script>");
  }

  @Test
  void a_lone_surrogate_or_private_use_character_becomes_the_geta_mark() {
    assertThat(text.line("a\uD800b\uE000c")).isEqualTo("a〓b〓c");
  }

  @Test
  void null_is_empty() {
    assertThat(text.line(null)).isEmpty();
  }
}
