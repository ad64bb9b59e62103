package jp.muniflow.bench;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The yardstick: the same one-page grant notice written with OpenPDF directly, the way a developer would without
 * MuniFlow — the same two fonts read once and parsed once, the same texts, paragraphs, details table, contact box
 * and footer with its QR code, into a byte array. No template, no cleaning of the text, no PDF/A metadata, no number,
 * no hash, no database.
 */
final class BareOpenPdfLoop {

  private static final String[][] DETAILS = {
      {"1", "申請番号", "APP-2026-0042"},
      {"2", "事業名", "区立小学校の緑のカーテン設置事業"},
      {"3", "申請額", "1,500,000円"},
      {"4", "交付決定額", "1,200,000円"},
      {"5", "事業期間", "令和8年5月1日から令和9年2月28日まで"},
      {"6", "交付の条件", "見積書の内訳（設置費と苗代）を分けて記載してください。"}};

  private final BaseFont text = font("BIZUDMincho-Regular.ttf");
  private final BaseFont heading = font("BIZUDPGothic-Bold.ttf");

  byte[] render(String documentNumber, String date) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    Document document = new Document(PageSize.A4, 85, 57, 57, 80);
    PdfWriter writer = PdfWriter.getInstance(document, out);
    Font body = new Font(text, 10.5f);
    Font footer = new Font(text, 7.5f);
    writer.setPageEvent(new PdfPageEventHelper() {
      @Override
      public void onEndPage(PdfWriter w, Document d) {
        ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_LEFT, new Phrase("文書番号 " + documentNumber
            + "　照合番号 7Q3K-M9XD-2F4H-8RTW　https://muniflow.example.lg.jp/verify", footer),
            d.left(), d.bottom() - 24, 0);
        ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_RIGHT, new Phrase(w.getPageNumber() + " / 1", footer),
            d.right() - 62, d.bottom() - 24, 0);
        qr(w.getDirectContent(), "https://muniflow.example.lg.jp/verify?n=" + java.net.URLEncoder.encode(documentNumber,
            java.nio.charset.StandardCharsets.UTF_8) + "&c=7Q3K-M9XD-2F4H-8RTW", d.right() - 52, d.bottom() - 64, 52);
      }
    });
    document.addTitle("交付決定通知書");
    document.open();
    document.add(paragraph(documentNumber, body, Element.ALIGN_RIGHT));
    document.add(paragraph(date, body, Element.ALIGN_RIGHT));
    document.add(paragraph("千代田区長　殿", body, Element.ALIGN_LEFT));
    document.add(paragraph("公益財団法人特別区協議会", body, Element.ALIGN_RIGHT));
    document.add(paragraph("交付決定通知書", new Font(heading, 16), Element.ALIGN_CENTER));
    document.add(paragraph("令和8年度みどり東京・温暖化防止プロジェクト助成金の交付決定について（通知）", new Font(heading, 11.5f),
        Element.ALIGN_CENTER));
    document.add(paragraph("　千代田区から申請のあった令和8年度みどり東京・温暖化防止プロジェクト助成金について、下記のとおり"
        + "交付することに決定したので通知します。", body, Element.ALIGN_JUSTIFIED));
    document.add(paragraph("　事業が完了したときは、速やかに実績報告書を提出してください。", body, Element.ALIGN_JUSTIFIED));
    document.add(paragraph("記", body, Element.ALIGN_CENTER));
    PdfPTable details = new PdfPTable(new float[] {5, 27, 68});
    details.setWidthPercentage(100);
    for (String[] row : DETAILS) {
      for (String column : row) {
        PdfPCell cell = new PdfPCell(new Phrase(column, body));
        cell.setBorder(Rectangle.NO_BORDER);
        details.addCell(cell);
      }
    }
    document.add(details);
    document.add(paragraph("以上", body, Element.ALIGN_RIGHT));
    PdfPTable contact = new PdfPTable(1);
    contact.setWidthPercentage(55);
    contact.setHorizontalAlignment(Element.ALIGN_RIGHT);
    contact.addCell(new PdfPCell(new Phrase("問い合わせ先\n公益財団法人特別区協議会　事業部事業推進課\n電話　03-5210-9915", body)));
    document.add(contact);
    document.close();
    return out.toByteArray();
  }

  /** The footer's QR code, as MuniFlow's footer has it: ZXing's matrix drawn as squares. */
  private static void qr(com.lowagie.text.pdf.PdfContentByte canvas, String link, float x, float y, float size) {
    try {
      com.google.zxing.common.BitMatrix m = new com.google.zxing.qrcode.QRCodeWriter().encode(link,
          com.google.zxing.BarcodeFormat.QR_CODE, 0, 0, java.util.Map.of(com.google.zxing.EncodeHintType.MARGIN, 0,
              com.google.zxing.EncodeHintType.CHARACTER_SET, "UTF-8"));
      float module = size / m.getWidth();
      for (int row = 0; row < m.getHeight(); row++) {
        for (int column = 0; column < m.getWidth(); column++) {
          if (m.get(column, row)) {
            canvas.rectangle(x + column * module, y + size - (row + 1) * module, module, module);
          }
        }
      }
      canvas.fill();
    } catch (com.google.zxing.WriterException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Paragraph paragraph(String content, Font font, int alignment) {
    Paragraph p = new Paragraph(17.85f, content, font);
    p.setAlignment(alignment);
    return p;
  }

  private static BaseFont font(String file) {
    try (InputStream in = BareOpenPdfLoop.class.getClassLoader().getResourceAsStream("notices/fonts/" + file)) {
      return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, BaseFont.NOT_CACHED, in.readAllBytes(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
