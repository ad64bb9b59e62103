package jp.muniflow.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.muniflow.notice.Notice;
import jp.muniflow.notice.NoticeDraft;
import jp.muniflow.notice.NoticeIssuing;
import jp.muniflow.support.Api;
import jp.muniflow.support.Browser;
import jp.muniflow.support.MuniFlowIntegrationTest;
import jp.muniflow.support.PageChecks;
import jp.muniflow.support.TestGrantRules;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public verification page in a real browser, as the recipient of a notice meets it: the municipality's staff
 * download the notice, the QR code printed in its footer (read by ZXing from the page as printed) opens the page, which
 * shows, without sign-in, that the notice is valid, what it is, and that its electronic seal verifies and who sealed
 * it; a changed code shows that no such notice exists; a code typed from paper in another form works too; axe-core
 * finds no violation, and the keyboard reaches every control.
 */
@MuniFlowIntegrationTest
class VerifyPageIT {

  @LocalServerPort
  int port;

  @Autowired
  NoticeIssuing issuing;

  @Test
  void the_qr_code_of_a_notice_opens_the_verification_page_which_shows_it_valid_and_its_signer() throws Exception {
    Notice notice = issuing.issue(NoticeDraft.of("subsidy.grant", "131016", "kyogikai", "千代田区長", grant()));
    byte[] pdf = Api.as(port, "staff-131016").get("/api/notices/" + notice.id() + "/pdf").bytes();
    String link = qrCode(pdf);
    assertThat(link).startsWith("http://localhost:" + port + "/verify?n=").endsWith("&c=" + notice.verificationCode());

    try (Browser browser = Browser.anonymous(port)) {
      Pages pages = new Pages(browser, port);
      browser.driver().get(link);
      assertThat(pages.text("h1")).isEqualTo("通知書の真正性の確認");
      assertThat(pages.text("#verify-result")).contains("この通知書はMuniFlowで発行されたものです");
      assertThat(pages.text("#verify-type")).isEqualTo("交付決定通知書");
      assertThat(pages.text("#verify-issuer")).isEqualTo("公益財団法人特別区協議会");
      assertThat(pages.text("#verify-date")).startsWith("令和");
      assertThat(pages.text("#verify-seal")).startsWith("有効");
      assertThat(pages.text("#verify-signer")).isEqualTo("公益財団法人特別区協議会");
      assertThat(pages.text("#verify-demo")).contains("デモ認証局");
      assertThat(pages.text("main")).doesNotContain("千代田区");
      PageChecks.accessible(browser, "verification, valid");
      PageChecks.keyboard(browser, "verification, valid");
      browser.guideScreenshot("verify-valid");

      pages.click("#language-switch");
      browser.waitUntil(d -> d.findElement(By.cssSelector("h1")).getText().equals("Verify a notice") ? true : null);
      assertThat(pages.text("#verify-result")).contains("This notice was issued by MuniFlow");
      assertThat(pages.text("#verify-seal")).startsWith("Valid");
      PageChecks.accessible(browser, "verification, valid, English");
      pages.click("#language-switch");
      browser.waitUntil(d -> d.findElement(By.cssSelector("h1")).getText().equals("通知書の真正性の確認") ? true : null);

      String code = notice.verificationCode();
      char last = code.charAt(code.length() - 1);
      String tampered = link.substring(0, link.length() - 1) + (last == 'X' ? 'Y' : 'X');
      browser.driver().get(tampered);
      assertThat(pages.text("#verify-result")).contains("この文書番号と照合番号の通知書は見つかりません");
      assertThat(browser.driver().findElements(By.id("verify-seal"))).isEmpty();
      PageChecks.accessible(browser, "verification, invalid");
      browser.guideScreenshot("verify-invalid");

      browser.open("/verify");
      pages.find("#verify-number").sendKeys(notice.documentNumber());
      pages.find("#verify-code").sendKeys(code.replace("-", "").toLowerCase());
      pages.click("#verify-submit");
      browser.waitUntil(d -> d.findElements(By.id("verify-result")).isEmpty() ? null : true);
      assertThat(pages.text("#verify-result")).contains("この通知書はMuniFlowで発行されたものです");
      assertThat(pages.text("#verify-signer")).isEqualTo("公益財団法人特別区協議会");
    }
  }

  private static Map<String, Object> grant() {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("applicationId", "APP-VERIFY-1");
    model.put("fiscalYear", 2026);
    model.put("title", "区立小学校の緑のカーテン設置事業");
    model.put("requestedAmount", 1_500_000L);
    model.put("grantedAmount", 1_200_000L);
    model.put("plannedStart", LocalDate.of(2026, 5, 1));
    model.put("plannedEnd", LocalDate.of(2027, 2, 28));
    // no application record stands behind this notice: what the subsidy's records would add comes with it
    model.put("submittedOn", LocalDate.of(2026, 4, 1));
    model.put("grantRules", Map.of("name", TestGrantRules.FY2026.name(), "articles", Map.of("grant", "第8条")));
    model.put("standardConditions", TestGrantRules.FY2026.conditions());
    return model;
  }

  /** The notice's first page printed at 200 dpi, and its QR code read as a phone's camera would. */
  private static String qrCode(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200, ImageType.RGB);
      int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
      return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
              new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels))),
          Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
  }
}
