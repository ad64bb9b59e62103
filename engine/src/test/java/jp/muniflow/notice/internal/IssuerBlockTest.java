package jp.muniflow.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import jp.muniflow.support.PdfLines;
import jp.muniflow.support.PdfText;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The issuer block of a letter: the issuing secretariat, its representative on the line below (title and name from
 * secretariats.csv), then （電子公印） or （公印省略） as the template's header {@code seal} says; and the secretariat's
 * seal image (印影), when an operator supplies one, pressed over the end of the representative's name.
 */
class IssuerBlockTest {

  private static final float DPI = 100;

  private final NoticeRenderer renderer = new NoticeRenderer(NoticeFonts.bundled());

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "subsidy.grant, （電子公印）", "subsidy.rejection, （電子公印）", "subsidy.confirmation, （電子公印）",
      "subsidy.lapse, （電子公印）", "subsidy.receipt, （公印省略）", "subsidy.correction-request, （公印省略）",
      "subsidy.correction-reminder, （公印省略）", "subsidy.withdrawal, （公印省略）", "subsidy.report-receipt, （公印省略）",
      "plan.decision, （公印省略）"})
  void the_representative_is_printed_under_the_issuer_then_how_it_is_sealed(String key, String seal) {
    byte[] pdf = render(new NoticeTemplates(null), key);
    List<String> lines = PdfLines.of(pdf).stream().map(l -> l.text().replaceAll("(?U)\\s", "")).toList();
    int issuer = lines.indexOf("公益財団法人特別区協議会");
    assertThat(issuer).as("the issuer's line").isNotNegative();
    assertThat(lines.get(issuer + 1)).isEqualTo("理事長○○○○");
    assertThat(lines.get(issuer + 2)).isEqualTo(seal.replaceAll("(?U)\\s", ""));
  }

  @Test
  void an_operators_seal_image_is_pressed_over_the_end_of_the_representatives_name(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("kyogikai"));
    ImageIO.write(seal(), "png", dir.resolve("kyogikai/seal.png").toFile());

    byte[] sealed = render(new NoticeTemplates(dir), "subsidy.grant");
    // the seal image (with its transparency) keeps the notice PDF/A-2b
    assertThat(jp.muniflow.support.PdfChecks.pdfA2bFailures(sealed)).as("veraPDF, PDF/A-2b").isEmpty();
    PdfLines.Line name = PdfLines.of(sealed).stream().filter(l -> l.text().startsWith("理事長")).findFirst().orElseThrow();
    BufferedImage page = page(sealed);
    // around the last character of the name: the seal's red ink; at the start of the name: none
    float right = name.left() + name.size() * name.text().length();
    assertThat(redPixels(page, right - name.size(), name.top() - name.size())).as("red under the name's end").isGreaterThan(40);
    assertThat(redPixels(page, name.left() - 3 * name.size(), name.top() - name.size())).as("left of the name").isZero();

    // a notice with （公印省略） carries no seal, even when there is one
    byte[] omitted = render(new NoticeTemplates(dir), "subsidy.receipt");
    PdfLines.Line receiptName = PdfLines.of(omitted).stream().filter(l -> l.text().startsWith("理事長")).findFirst().orElseThrow();
    float receiptRight = receiptName.left() + receiptName.size() * receiptName.text().length();
    assertThat(redPixels(page(omitted), receiptRight - receiptName.size(), receiptName.top() - receiptName.size())).isZero();
    assertThat(PdfText.searchable(omitted)).contains("(公印省略)");
  }

  @Test
  void a_seal_image_that_is_no_image_is_refused_with_its_reason(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("kyogikai"));
    Files.writeString(dir.resolve("kyogikai/seal.png"), "not a picture");
    assertThatThrownBy(() -> render(new NoticeTemplates(dir), "subsidy.grant"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seal image");
  }

  @Test
  void a_template_with_an_unknown_seal_is_refused() {
    NoticeTemplate template = NoticeTemplate.parse("subsidy.grant", "ja", "test", """
        title: 交付決定通知書
        subject: 件名
        seal: stamped

        本文
        """);
    assertThatThrownBy(() -> renderer.render(template, NoticeFixtures.context(NoticeFixtures.model("subsidy.grant"), "ja")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'seal'").hasMessageContaining("stamped");
  }

  private byte[] render(NoticeTemplates templates, String key) {
    NoticeTemplate template = templates.find(key, "131016", "kyogikai", "ja");
    return renderer.render(template, NoticeFixtures.context(NoticeFixtures.model(key), "ja")).pdf();
  }

  /** A square red seal on a transparent ground, as an operator would scan one. */
  private static BufferedImage seal() {
    BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0xD0, 0x20, 0x20));
    g.setStroke(new BasicStroke(14));
    g.drawRect(10, 10, 180, 180);
    g.fillRect(60, 60, 80, 80);
    g.dispose();
    return image;
  }

  private static BufferedImage page(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFRenderer(document).renderImageWithDPI(0, DPI);
    }
  }

  /** Red pixels in a box of two characters' size whose top left corner is at these points. */
  private static int redPixels(BufferedImage page, float leftPt, float topPt) {
    float scale = DPI / 72f;
    int red = 0;
    for (int y = (int) (topPt * scale); y < (int) ((topPt + 20) * scale); y++) {
      for (int x = (int) (leftPt * scale); x < (int) ((leftPt + 20) * scale); x++) {
        if (x < 0 || y < 0 || x >= page.getWidth() || y >= page.getHeight()) {
          continue;
        }
        Color c = new Color(page.getRGB(x, y));
        if (c.getRed() > 150 && c.getGreen() < 110 && c.getBlue() < 110) {
          red++;
        }
      }
    }
    return red;
  }
}
