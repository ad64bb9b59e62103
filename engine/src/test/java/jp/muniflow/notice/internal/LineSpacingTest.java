package jp.muniflow.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.muniflow.support.PdfLines;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The lines of a 記 cell and of the press release's table stand at least 1.5 times their font size apart (a table
 * cell's own default sets them at 1.0, so that they touched), measured between the baselines the PDF draws.
 */
class LineSpacingTest {

  private final NoticeTemplates templates = new NoticeTemplates(null);
  private final NoticeRenderer renderer = new NoticeRenderer(NoticeFonts.bundled());

  @Test
  void the_lines_of_a_details_cell_are_one_and_a_half_times_the_font_size_apart() {
    Map<String, Object> model = NoticeFixtures.model("subsidy.receipt");
    model.put("description", "区立小学校10校の校舎南面にゴーヤの緑のカーテンを設置し、児童の環境学習に活用する。".repeat(4));
    byte[] pdf = renderer.render(templates.find("subsidy.receipt", "131016", "kyogikai", "ja"),
        NoticeFixtures.context(model, "ja")).pdf();
    assertSpacing(PdfLines.of(pdf), "区立小学校", 4);
  }

  @Test
  void the_lines_of_the_press_releases_table_are_one_and_a_half_times_the_font_size_apart() throws IOException {
    Map<String, Object> plan;
    try (InputStream in = getClass().getResourceAsStream("/notices/programs-fy2012.yaml")) {
      plan = new Yaml().load(in);
    }
    byte[] pdf = renderer.render(templates.find("plan.press-release", null, "kyogikai", "ja"),
        new NoticeContext("23特区協第101号", LocalDate.of(2012, 2, 8), null,
            NoticeFixtures.REGISTRY.secretariat("kyogikai").orElseThrow(), null, NoticeFixtures.REGISTRY.secretariats(),
            PressReleaseRenderingTest.model(plan), "ja", "https://muniflow.example.lg.jp/verify", NoticeFixtures.TOKYO)).pdf();
    // 体験型一般公開講座's description runs over three lines of the table's small type
    assertSpacing(PdfLines.of(pdf), "○都民を対象にした", 3);
  }

  /** The cell that starts with {@code start}: its next lines, at the same left edge below it, and their distance. */
  private static void assertSpacing(List<PdfLines.Line> lines, String start, int atLeast) {
    PdfLines.Line first = lines.stream().filter(l -> l.text().startsWith(start)).findFirst().orElseThrow();
    List<PdfLines.Line> cell = lines.stream()
        .filter(l -> l.page() == first.page() && Math.abs(l.left() - first.left()) < 0.5f && l.top() >= first.top()
            && l.top() < first.top() + first.size() * 2.5f * 12)
        .toList();
    assertThat(cell.size()).as("lines of the cell starting %s", start).isGreaterThanOrEqualTo(atLeast);
    for (int i = 1; i < atLeast; i++) {
      float distance = cell.get(i).top() - cell.get(i - 1).top();
      assertThat(distance).as("baseline distance of line %d (font size %.1f)", i, first.size())
          .isGreaterThanOrEqualTo(first.size() * 1.5f - 0.01f).isLessThan(first.size() * 2.5f);
    }
  }
}
