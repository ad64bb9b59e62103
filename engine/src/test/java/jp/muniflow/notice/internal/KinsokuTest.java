package jp.muniflow.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.muniflow.support.PdfLines;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Japanese line breaking (JIS X 4051 禁則) on every notice, read back from the PDF's text positions: no drawn line
 * starts with a closing mark, a prolonged sound mark, an iteration mark or a small kana, none ends with an opening
 * bracket, and amounts, era dates and the names of the five bodies are never split over two lines.
 *
 * <p>The texts are made to hit each forbidden break: every free text of a template is a run of blocks, one per
 * forbidden character, each block that character after (or, for an opening bracket, before) a kanji, over and over for
 * longer than a line. All of those characters are full width, so a line holds a fixed number of them, and a breaker
 * that broke anywhere would put the character at the start (or end) of a line in one of the two renderings, the second
 * shifted by one character. The running footer (the verification line) is checked on its own: its text is fixed, but
 * the verification page's address is the installation's, so its length moves every break of the footer.
 */
class KinsokuTest {

  /** JIS X 4051's characters that may not start a line (行頭禁則) the issue names. */
  static final String NOT_AT_START = "、。，．・：；？！」』）〕］｝〉》ーゝゞ々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";
  /** The characters that may not end a line (行末禁則). */
  static final String NOT_AT_END = "「『（〔［｛〈《";
  /** Runs that a reader must find on one line. */
  static final List<String> WHOLE = List.of("1,500,000円", "2億600万円", "令和8年4月10日", "令和9年2月28日",
      "公益財団法人特別区協議会", "財団法人東京市町村自治調査会", "東京都町村会事務局");

  private static final int BLOCK = 40;
  /** The footer lies below this line (points from the bottom of the page); it belongs to the verification footer. */
  private static final float FOOTER_TOP = 75;

  private final NoticeTemplates templates = new NoticeTemplates(null);
  private final NoticeRenderer renderer = new NoticeRenderer(NoticeFonts.bundled());

  static Stream<String> templateKeys() {
    return Stream.concat(NoticeFixtures.VALUES.keySet().stream(), Stream.of("plan.press-release"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templateKeys")
  void no_line_starts_or_ends_with_a_forbidden_character(String key) throws IOException {
    for (int shift = 0; shift < 2; shift++) {
      byte[] pdf = render(key, forbiddenBreaks(shift));
      List<PdfLines.Line> lines = bodyLines(pdf);
      assertThat(lines.size()).as("lines of %s", key).isGreaterThan(40);
      for (PdfLines.Line line : lines) {
        String text = line.text().strip();
        assertThat(NOT_AT_START.indexOf(text.charAt(0))).as("%s, page %d: a line starts with %s: %s", key, line.page(),
            text.charAt(0), text).isNegative();
        assertThat(NOT_AT_END.indexOf(text.charAt(text.length() - 1))).as("%s, page %d: a line ends with %s: %s", key,
            line.page(), text.charAt(text.length() - 1), text).isNegative();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templateKeys")
  void amounts_era_dates_and_the_bodies_names_stay_on_one_line(String key) throws IOException {
    for (int shift = 0; shift < 2; shift++) {
      byte[] pdf = render(key, wholeRuns(shift));
      List<PdfLines.Line> lines = bodyLines(pdf);
      String joined = String.join("", lines.stream().map(l -> l.text().replaceAll("\\s", "")).toList());
      for (String run : WHOLE) {
        int inText = count(joined, run);
        int onOneLine = lines.stream().mapToInt(l -> count(l.text().replaceAll("\\s", ""), run)).sum();
        assertThat(onOneLine).as("%s: %s printed %d times, whole on a line %d times", key, run, inText, onOneLine)
            .isEqualTo(inText);
      }
      assertThat(count(joined, "令和9年2月28日")).as("the runs were printed in %s", key).isGreaterThanOrEqualTo(4);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("languages")
  void the_footer_breaks_by_the_same_rules_whatever_the_length_of_the_verification_address(String language)
      throws IOException {
    NoticeTemplate template = templates.find("subsidy.grant", "131016", "kyogikai", language);
    for (int extra = 0; extra < 48; extra++) {
      String address = "https://muniflow." + "x".repeat(extra) + "example.lg.jp/verify";
      NoticeContext base = NoticeFixtures.context(NoticeFixtures.model("subsidy.grant"), language);
      NoticeContext context = new NoticeContext(base.documentNumber(), base.issuedOn(), base.addressee(), base.issuer(),
          base.municipality(), base.secretariats(), base.model(), language, address, base.zone(), base.verificationCode());
      byte[] pdf = renderer.render(template, context).pdf();
      List<PdfLines.Line> footer = PdfLines.of(pdf).stream()
          .filter(l -> l.fromBottom() <= FOOTER_TOP && !l.text().strip().matches("\\d+ / \\d+")).toList();
      assertThat(footer).as("footer lines with an address of %d characters", address.length()).hasSizeGreaterThan(1);
      for (PdfLines.Line line : footer) {
        String text = line.text().strip();
        assertThat(NOT_AT_START.indexOf(text.charAt(0))).as("address of %d characters: a footer line starts with %s: %s",
            address.length(), text.charAt(0), text).isNegative();
        assertThat(NOT_AT_END.indexOf(text.charAt(text.length() - 1)))
            .as("address of %d characters: a footer line ends with %s: %s", address.length(),
                text.charAt(text.length() - 1), text).isNegative();
      }
    }
  }

  static Stream<String> languages() {
    return Stream.of("ja", "en");
  }

  /** Blocks of each forbidden break, longer than a line, after {@code shift} characters. */
  static String forbiddenBreaks(int shift) {
    StringBuilder text = new StringBuilder("緑".repeat(shift));
    for (char c : NOT_AT_START.toCharArray()) {
      text.append(("緑" + c).repeat(BLOCK / 2));
    }
    for (char c : NOT_AT_END.toCharArray()) {
      text.append((c + "緑").repeat(BLOCK / 2));
    }
    return text.toString();
  }

  /** Amounts, dates and names one after the other, over many lines. */
  static String wholeRuns(int shift) {
    StringBuilder text = new StringBuilder("緑".repeat(shift));
    for (int i = 0; i < 4; i++) {
      for (String run : WHOLE) {
        text.append("は").append(run).append("と");
      }
    }
    return text.toString();
  }

  private byte[] render(String key, String text) throws IOException {
    NoticeTemplate template = templates.find(key, "131016", "kyogikai", "ja");
    if (key.equals("plan.press-release")) {
      Map<String, Object> model = pressReleaseModel(text);
      return renderer.render(template, new NoticeContext("23特区協第101号", LocalDate.of(2012, 2, 8), null,
          NoticeFixtures.REGISTRY.secretariat("kyogikai").orElseThrow(), null, NoticeFixtures.REGISTRY.secretariats(),
          model, "ja", "https://muniflow.example.lg.jp/verify", NoticeFixtures.TOKYO)).pdf();
    }
    Map<String, Object> model = NoticeFixtures.model(key);
    for (String name : List.of("title", "description", "comment", "reason", "grantConditions", "rejectionReasons")) {
      if (model.containsKey(name)) {
        model.put(name, text);
      }
    }
    if (model.containsKey("standardConditions")) {
      model.put("standardConditions", List.of(text.substring(0, text.length() / 2), text.substring(text.length() / 2)));
    }
    if (model.containsKey("programs")) {
      model.put("programs", List.of(Map.of("code", "1-1", "title", text, "kind", "new")));
    }
    return renderer.render(template, NoticeFixtures.context(model, "ja")).pdf();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> pressReleaseModel(String text) throws IOException {
    Map<String, Object> plan;
    try (InputStream in = KinsokuTest.class.getResourceAsStream("/notices/programs-fy2012.yaml")) {
      plan = new Yaml().load(in);
    }
    Map<String, Object> model = PressReleaseRenderingTest.model(plan);
    List<Map<String, Object>> programs = new ArrayList<>();
    List<Map<String, Object>> given = (List<Map<String, Object>>) model.get("programs");
    int part = text.length() / given.size() + 1;
    for (int i = 0; i < given.size(); i++) {
      // the text spread over the programs' descriptions, each program a part of it
      Map<String, Object> program = new LinkedHashMap<>(given.get(i));
      program.put("description", whole(text.substring(Math.min(text.length(), i * part), Math.min(text.length(), (i + 1) * part))));
      programs.add(program);
    }
    model.put("programs", programs);
    return model;
  }

  /** A part of the text that itself neither starts with a closing mark nor ends with an opening one. */
  private static String whole(String part) {
    int from = 0;
    int to = part.length();
    while (from < to && NOT_AT_START.indexOf(part.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && NOT_AT_END.indexOf(part.charAt(to - 1)) >= 0) {
      to--;
    }
    return part.substring(from, to);
  }

  private static List<PdfLines.Line> bodyLines(byte[] pdf) {
    return PdfLines.of(pdf).stream().filter(l -> l.fromBottom() > FOOTER_TOP).toList();
  }

  private static int count(String text, String run) {
    int n = 0;
    for (int at = text.indexOf(run); at >= 0; at = text.indexOf(run, at + run.length())) {
      n++;
    }
    return n;
  }
}
