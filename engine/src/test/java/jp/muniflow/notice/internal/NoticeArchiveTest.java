package jp.muniflow.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import jp.muniflow.support.PdfChecks;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Every notice as it leaves the renderer (before its seal) is a PDF/A-2b file that an archive accepts: veraPDF finds
 * no failed rule, {@code pdffonts} lists only embedded fonts, the metadata name the notice, its issuer and its
 * number, and the footer's QR code, read back from the printed page by ZXing, carries the verification page's address
 * with the document number and the code.
 */
class NoticeArchiveTest {

  private final NoticeTemplates templates = new NoticeTemplates(null);
  private final NoticeRenderer renderer = new NoticeRenderer(NoticeFonts.bundled());

  static Stream<String> templateKeys() {
    return Stream.concat(NoticeFixtures.VALUES.keySet().stream(), Stream.of("plan.press-release"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templateKeys")
  void each_notice_is_pdf_a_2b_with_every_font_embedded_and_a_readable_qr_code(String key) throws Exception {
    byte[] pdf = render(key, "ja");
    String number = key.equals("plan.press-release") ? "23特区協第101号" : NoticeFixtures.NUMBER;

    assertThat(PdfChecks.fontsNotEmbedded(pdf)).as("pdffonts:\n" + PdfChecks.pdffonts(pdf)).isEmpty();
    assertThat(PdfChecks.pdfA2bFailures(pdf)).as("veraPDF, PDF/A-2b").isEmpty();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDDocumentInformation info = document.getDocumentInformation();
      assertThat(info.getAuthor()).isEqualTo("公益財団法人特別区協議会");
      assertThat(info.getSubject()).isEqualTo(number);
      String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
      assertThat(xmp).contains("<pdfaid:part>2</pdfaid:part>").contains("<pdfaid:conformance>B</pdfaid:conformance>")
          .contains(number).contains("公益財団法人特別区協議会").contains(info.getTitle());
      assertThat(document.getDocumentCatalog().getOutputIntents()).singleElement()
          .satisfies(intent -> assertThat(intent.getOutputConditionIdentifier()).isEqualTo("sRGB IEC61966-2.1"));
    }
    String link = qrCode(pdf);
    assertThat(link).startsWith(NoticeFixtures.VERIFY_URL + "?n=");
    assertThat(URLDecoder.decode(link, StandardCharsets.UTF_8))
        .endsWith("?n=" + number + "&c=" + NoticeFixtures.CODE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templateKeys")
  void english_notices_are_pdf_a_2b_too(String key) throws Exception {
    byte[] pdf = render(key, "en");
    assertThat(PdfChecks.fontsNotEmbedded(pdf)).isEmpty();
    assertThat(PdfChecks.pdfA2bFailures(pdf)).isEmpty();
  }

  private byte[] render(String key, String language) throws IOException {
    if (!key.equals("plan.press-release")) {
      return renderer.render(templates.find(key, "131016", "kyogikai", language),
          NoticeFixtures.context(NoticeFixtures.model(key), language)).pdf();
    }
    Map<String, Object> plan;
    try (InputStream in = getClass().getResourceAsStream("/notices/programs-fy2012.yaml")) {
      plan = new Yaml().load(in);
    }
    return renderer.render(templates.find(key, null, "kyogikai", language),
        new NoticeContext("23特区協第101号", LocalDate.of(2012, 2, 8), null,
            NoticeFixtures.REGISTRY.secretariat("kyogikai").orElseThrow(), null, NoticeFixtures.REGISTRY.secretariats(),
            PressReleaseRenderingTest.model(plan), language, NoticeFixtures.VERIFY_URL, NoticeFixtures.TOKYO,
            NoticeFixtures.CODE)).pdf();
  }

  /** The first page printed at 200 dpi, and the QR code on it read as a phone would. */
  static String qrCode(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200, ImageType.RGB);
      int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
      RGBLuminanceSource source = new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels);
      return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
          Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
  }
}
