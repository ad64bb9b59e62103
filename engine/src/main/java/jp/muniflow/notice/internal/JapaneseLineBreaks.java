package jp.muniflow.notice.internal;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.PdfChunk;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a line of a notice may end, by the rules of Japanese typesetting (JIS X 4051 禁則). OpenPDF fills a line
 * with as many characters as fit and then asks this policy where it may break; by itself it would break between any
 * two kanji or kana, so a line could begin with 、 or 。 or end with 「.
 *
 * <p>The break opportunities are ICU4J's: its line {@link BreakIterator} for {@code ja@lb=strict} applies the Unicode
 * line breaking algorithm (UAX #14) with the strict Japanese rules, so no line starts with closing brackets, 、。，．・：；？！,
 * ー, ゝゞ々 or small kana, and none ends with an opening bracket. On top of those, a few runs stay whole because a
 * reader must never find them split: amounts and numbers with their unit ({@code 1,500,000円}, {@code 2億600万円},
 * {@code 第8条}), era dates ({@code 令和8年4月10日}, {@code 令和8年度}), web addresses and the names given to
 * {@link #keepingWhole(Collection)} (the five secretariats, in full and short).
 *
 * <p>An instance belongs to one document while it is laid out (a break iterator is not thread-safe); it remembers the
 * breaks of the text it saw last, since OpenPDF asks character by character.
 */
final class JapaneseLineBreaks implements SplitCharacter {

  private static final BreakIterator STRICT_JAPANESE = BreakIterator.getLineInstance(new ULocale("ja@lb=strict"));
  /** The same rules, breaking only between phrases (文節): 「事業計画の決定について」 never as 事業計 / 画の. */
  private static final BreakIterator STRICT_JAPANESE_PHRASES =
      BreakIterator.getLineInstance(new ULocale("ja@lb=strict;lw=phrase"));

  private static final String DIGITS = "[0-9０-９]";
  private static final String NUMBER = DIGITS + "(?:[0-9０-９,，.．]*" + DIGITS + ")?";
  /** 1,500,000円, 2億600万円, 150万円. */
  private static final String AMOUNT = NUMBER + "(?:[億万]" + NUMBER + "?)*" + "[億万]?円";
  /** 令和8年4月10日, 令和元年度, 平成24年2月8日. */
  private static final String ERA_DATE = "(?:明治|大正|昭和|平成|令和)(?:元|" + DIGITS + "{1,2})年(?:度|" + DIGITS + "{1,2}月(?:"
      + DIGITS + "{1,2}日)?)?";
  /** 第8条, 第15号, 10校, 30日, 14日間, 25%. */
  private static final String COUNTED = "第?" + NUMBER + "(?:か月|ヶ月|箇月|日間|年間|年度|条|項|号|日|月|年|校|件|人|名|回|部|%|％|㎡|kWh|kW)";

  /**
   * A web address up to its query: the verification page's address in the footer. ICU may break after any "/", which
   * would leave "https://" alone at a line's end; a reader copies the address from one line. A query ({@code ?n=…})
   * may still go to the next line.
   */
  private static final String WEB_ADDRESS = "https?://[A-Za-z0-9.:\\-]+(?:/[A-Za-z0-9._~%\\-]*)*";

  /** The runs kept whole when no names are given. */
  private static final Pattern STANDARD_RUNS = wholeRuns(Set.of());
  /**
   * The pattern of the names last asked for, with them: every notice asks for the same five bodies' names, and
   * compiling their pattern again cost a notice about 0.1 ms (docs/performance.md, figure 4′).
   */
  private static volatile WholeRuns lastRuns = new WholeRuns(List.of(), STANDARD_RUNS);

  private record WholeRuns(List<String> names, Pattern pattern) {
  }

  private final BreakIterator breaks;
  private final Pattern whole;
  private char[] text;
  private int textLength;
  private boolean[] breakAfter;
  /** The last text worked out from its start, and its breaks. */
  private String paragraph;
  private boolean[] paragraphBreaks;

  private JapaneseLineBreaks(BreakIterator prototype, Pattern whole) {
    synchronized (prototype) {
      this.breaks = (BreakIterator) prototype.clone();
    }
    this.whole = whole;
  }

  /** The rules alone: amounts, numbers with their unit and era dates stay whole. */
  static JapaneseLineBreaks standard() {
    return new JapaneseLineBreaks(STRICT_JAPANESE, STANDARD_RUNS);
  }

  /** The rules, and these names never broken either (longest first, so a full name wins over its short form). */
  static JapaneseLineBreaks keepingWhole(Collection<String> names) {
    return new JapaneseLineBreaks(STRICT_JAPANESE, wholeRunsOf(names));
  }

  /**
   * For headings (a title, a subject): lines break between phrases only, as ICU's phrase breaking for Japanese finds
   * them, so that a subject over two lines never splits a word; the same runs stay whole.
   */
  static JapaneseLineBreaks byPhrases(Collection<String> names) {
    return new JapaneseLineBreaks(STRICT_JAPANESE_PHRASES, wholeRunsOf(names));
  }

  private static Pattern wholeRunsOf(Collection<String> names) {
    if (names.isEmpty()) {
      return STANDARD_RUNS;
    }
    List<String> asked = new ArrayList<>(names);
    WholeRuns last = lastRuns;
    if (last.names().equals(asked)) {
      return last.pattern();
    }
    Pattern pattern = wholeRuns(asked);
    lastRuns = new WholeRuns(asked, pattern);
    return pattern;
  }

  private static Pattern wholeRuns(Collection<String> names) {
    Set<String> distinct = names.stream().filter(n -> n != null && n.length() > 1)
        .sorted(Comparator.comparingInt(String::length).reversed())
        .collect(Collectors.toCollection(LinkedHashSet::new));
    StringBuilder regex = new StringBuilder();
    for (String name : distinct) {
      regex.append(Pattern.quote(name)).append('|');
    }
    regex.append(ERA_DATE).append('|').append(AMOUNT).append('|').append(COUNTED).append('|').append(WEB_ADDRESS);
    return Pattern.compile(regex.toString());
  }

  /**
   * Whether a line may break after {@code cc[current]}. OpenPDF passes the rest of a chunk's text in {@code cc} (up to
   * {@code end}), asking for each character in turn; the answer for the whole text is worked out on the first question.
   */
  @Override
  public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
    if (cc != text || end != textLength) {
      text = cc;
      textLength = end;
      breakAfter = breaksOfRest(new String(cc, 0, end));
    }
    return current >= 0 && current < end && breakAfter[current];
  }

  /**
   * The breaks of a text OpenPDF asks about: after a line is set, it asks again about the rest of the paragraph, in a
   * new array; the rest's breaks are those the whole paragraph had at the same places (worked out with the text before
   * them in view), so a paragraph is worked out once, not once a line (0.3 ms of a notice's CPU, figure 4′).
   */
  private boolean[] breaksOfRest(String s) {
    if (paragraph != null && paragraph.endsWith(s)) {
      int from = paragraph.length() - s.length();
      return java.util.Arrays.copyOfRange(paragraphBreaks, from, paragraph.length());
    }
    paragraph = s;
    paragraphBreaks = breaksOf(s);
    return paragraphBreaks;
  }

  /** For each character of the text, whether a line may break after it. */
  boolean[] breaksOf(String s) {
    boolean[] after = new boolean[s.length()];
    breaks.setText(s);
    for (int b = breaks.next(); b != BreakIterator.DONE; b = breaks.next()) {
      after[b - 1] = true;
    }
    Matcher m = whole.matcher(s);
    while (m.find()) {
      for (int i = m.start(); i < m.end() - 1; i++) {
        after[i] = false;
      }
    }
    return after;
  }
}
