package jp.muniflow.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The break opportunities the notices' lines use (JIS X 4051 禁則, from ICU4J's strict Japanese line breaking): which
 * character may end a line and which may start one. The rendered notices are checked in {@link KinsokuTest}.
 */
class JapaneseLineBreaksTest {

  private final JapaneseLineBreaks breaks = JapaneseLineBreaks.keepingWhole(List.of("公益財団法人特別区協議会", "特別区協議会"));

  @ParameterizedTest(name = "no line starts with {0}")
  @ValueSource(strings = {"、", "。", "，", "．", "・", "：", "；", "？", "！", "」", "』", "）", "〕", "］", "｝", "〉", "》",
      "ー", "ゝ", "ゞ", "々", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ", "ゎ", "ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ",
      "ュ", "ョ", "ヮ", "ヵ", "ヶ"})
  void no_line_starts_with_a_closing_mark_or_a_small_kana(String mark) {
    String text = "緑化" + mark + "事業";
    assertThat(breaks.breaksOf(text)[1]).as("a break between 化 and %s", mark).isFalse();
  }

  @ParameterizedTest(name = "no line ends with {0}")
  @ValueSource(strings = {"「", "『", "（", "〔", "［", "｛", "〈", "《"})
  void no_line_ends_with_an_opening_mark(String mark) {
    String text = "緑化" + mark + "事業";
    assertThat(breaks.breaksOf(text)[2]).as("a break after %s", mark).isFalse();
    assertThat(breaks.breaksOf(text)[1]).as("a break before %s", mark).isTrue();
  }

  @Test
  void between_two_kanji_a_line_may_break() {
    assertThat(breaks.breaksOf("緑化事業")).containsExactly(true, true, true, true);
  }

  @ParameterizedTest(name = "{0} stays whole")
  @ValueSource(strings = {"1,500,000円", "2億600万円", "１５０万円", "令和8年4月10日", "平成24年度", "令和元年5月1日", "第13条",
      "第15号", "14日間", "公益財団法人特別区協議会",
      "https://muniflow.example.lg.jp/verify", "http://localhost:8080/verify"})
  void amounts_dates_and_the_bodies_names_stay_whole(String run) {
    String text = "申請額は" + run + "とする";
    boolean[] after = breaks.breaksOf(text);
    for (int i = 4; i < 4 + run.length() - 1; i++) {
      assertThat(after[i]).as("a break inside %s after %s", run, text.charAt(i)).isFalse();
    }
  }

  @Test
  void a_heading_breaks_between_phrases_only() {
    String subject = "令和8年度オール東京62市区町村共同事業「みどり東京・温暖化防止プロジェクト」事業計画の決定について（通知）";
    boolean[] after = JapaneseLineBreaks.byPhrases(List.of()).breaksOf(subject);
    int plan = subject.indexOf("事業計画");
    assertThat(after[plan]).as("事|業計画").isFalse();
    assertThat(after[plan + 2]).as("事業計|画").isFalse();
    assertThat(after[subject.indexOf("」") ]).as("after 」").isTrue();
    assertThat(after[subject.indexOf("（") - 1]).as("before （通知）").isTrue();
  }

  @Test
  void it_answers_openpdf_character_by_character_for_the_text_it_is_given() {
    char[] text = "交付決定額、1,500,000円".toCharArray();
    assertThat(breaks.isSplitCharacter(0, 4, text.length, text, null)).as("before 、").isFalse();
    assertThat(breaks.isSplitCharacter(0, 5, text.length, text, null)).as("after 、").isTrue();
    assertThat(breaks.isSplitCharacter(0, 7, text.length, text, null)).as("inside the amount").isFalse();
    char[] other = "「補正」".toCharArray();
    assertThat(breaks.isSplitCharacter(0, 0, other.length, other, null)).as("after 「 of another text").isFalse();
  }
}
