package jp.muniflow.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import jp.muniflow.notice.ReportDocument;
import jp.muniflow.support.PdfChecks;
import jp.muniflow.support.PdfText;
import jp.muniflow.tenants.Secretariat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/**
 * A report in the notice style: the notices' date in the era, issuer block and fonts, PDF/A-2b like them; but no
 * document number and no QR code, since nothing issued it and no verification page knows it.
 */
class ReportLayoutTest {

  private static final Secretariat KYOGIKAI = NoticeFixtures.REGISTRY.secretariat("kyogikai").orElseThrow();

  @Test
  void a_report_prints_the_era_date_the_issuer_and_its_tables_as_pdf_a_without_a_qr_code() throws Exception {
    byte[] pdf = render("ja");
    String text = PdfText.searchable(pdf);
    assertThat(text).contains("令和8年4月10日").contains("共同事業推進会議御中").contains("公益財団法人特別区協議会")
        .contains("(公印省略)").contains("事業実績報告書").contains("1事業別").contains("名称").contains("1,500,000円")
        .contains("合計").contains("問い合わせ先").doesNotContain("特区協第");
    assertThat(PdfChecks.fontsNotEmbedded(pdf)).isEmpty();
    assertThat(PdfChecks.pdfA2bFailures(pdf)).as("veraPDF, PDF/A-2b").isEmpty();
    assertThatThrownBy(() -> NoticeArchiveTest.qrCode(pdf)).as("no QR code in the footer")
        .isInstanceOf(com.google.zxing.NotFoundException.class);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("公益財団法人特別区協議会");
    }
  }

  @Test
  void in_english_the_date_is_western_and_the_issuer_is_named_in_english() {
    String text = PdfText.searchable(render("en"));
    assertThat(text).contains("10April2026").contains("(Officialsealomitted)").contains("Contact");
  }

  private static byte[] render(String language) {
    ReportDocument report = new ReportDocument("kyogikai", language, NoticeFixtures.ISSUED_ON, "共同事業推進会議",
        "事業実績報告書", "令和8年度　助成金交付事業の実績", List.of("次のとおり報告します。"),
        List.of(new ReportDocument.Section("1　事業別",
            List.of(new ReportDocument.Column("名称", 40, false), new ReportDocument.Column("交付決定", 20, true)),
            List.of(List.of("助成金交付事業", "1件\n1,500,000円"), List.of("合計", "1件\n1,500,000円")), true)),
        List.of("件数は交付決定の数です。"), "令和8年度　事業実績報告書");
    return new ReportLayout(NoticeFonts.bundled()).render(report, KYOGIKAI, NoticeFixtures.REGISTRY.secretariats(),
        NoticeFixtures.TOKYO);
  }
}
