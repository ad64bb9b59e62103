package jp.muniflow.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/**
 * Renders the first page of a sealed grant notice (as MuniFlow stores and sends it: PDF/A, sealed with a demo key) and
 * of the FY2012 press release as PNG images with PDFBox's renderer:
 * into {@code target/notice-images}, and into the directory of the system property {@code muniflow.docs.images}
 * when it is set — how the pictures in docs/notices.md are made (the command is in that document). The first page of
 * every other notice goes to {@code target/notice-images/all}, for a look by eye.
 */
class NoticePageImagesTest {

  private static final float DPI = 100;

  @Test
  void renders_the_first_pages_as_images() throws IOException {
    NoticeRenderer renderer = new NoticeRenderer(NoticeFonts.bundled());
    NoticeTemplates templates = new NoticeTemplates(null);
    SealKey demo = DemoSealAuthority.newSeal(DemoSealAuthority.newAuthority(java.time.Instant.now()),
        "公益財団法人特別区協議会", java.time.Instant.now());
    byte[] grant = new NoticeSealer(null, "東京都").seal(renderer.render(
        templates.find("subsidy.grant", "131016", "kyogikai", "ja"),
        NoticeFixtures.context(NoticeFixtures.model("subsidy.grant"), "ja")).pdf(), demo, "公益財団法人特別区協議会",
        java.time.Instant.now());
    assertThat(jp.muniflow.support.PdfChecks.pdfsig(grant)).contains("Signature is Valid.");
    Files.createDirectories(Path.of("target", "notice-images"));
    Files.write(Path.of("target", "notice-images", "notice-subsidy-grant.pdf"), grant);
    byte[] pressRelease;
    try (var in = getClass().getResourceAsStream("/notices/programs-fy2012.yaml")) {
      java.util.Map<String, Object> plan = new org.yaml.snakeyaml.Yaml().load(in);
      pressRelease = renderer.render(templates.find("plan.press-release", null, "kyogikai", "ja"),
          new NoticeContext("23特区協第101号", LocalDate.of(2012, 2, 8), null,
              NoticeFixtures.REGISTRY.secretariat("kyogikai").orElseThrow(), null, NoticeFixtures.REGISTRY.secretariats(),
              PressReleaseRenderingTest.model(plan), "ja", "https://muniflow.example.lg.jp/api/notices/verify",
              NoticeFixtures.TOKYO)).pdf();
    }
    // every letter too, into the build's folder, to be looked at before a wording or layout change is merged
    Path all = Path.of("target", "notice-images", "all");
    Files.createDirectories(all);
    for (String key : NoticeFixtures.VALUES.keySet()) {
      byte[] pdf = renderer.render(templates.find(key, "131016", "kyogikai", "ja"),
          NoticeFixtures.context(NoticeFixtures.model(key), "ja")).pdf();
      write(pdf, all.resolve(key + ".png"));
    }
    write(pressRelease, all.resolve("plan.press-release.png"));
    for (Path dir : targets()) {
      Files.createDirectories(dir);
      write(grant, dir.resolve("notice-subsidy-grant.png"));
      write(pressRelease, dir.resolve("notice-plan-press-release.png"));
      BufferedImage image = ImageIO.read(dir.resolve("notice-subsidy-grant.png").toFile());
      // A4 portrait (210 x 297 mm) at 100 dpi, and ink on the page
      assertThat(image.getWidth()).isBetween(826, 828);
      assertThat(image.getHeight()).isBetween(1169, 1170);
      assertThat(darkPixels(image)).isGreaterThan(5_000);
    }
  }

  private static Path[] targets() {
    String docs = System.getProperty("muniflow.docs.images");
    Path build = Path.of("target", "notice-images");
    return docs == null || docs.isBlank() ? new Path[] {build} : new Path[] {build, Path.of(docs)};
  }

  private static void write(byte[] pdf, Path png) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.GRAY);
      ImageIO.write(page, "png", png.toFile());
    }
  }

  private static int darkPixels(BufferedImage image) {
    int dark = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFF) < 128) {
          dark++;
        }
      }
    }
    return dark;
  }
}
