package jp.muniflow.notice.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The foot of every page: the verification text at the left (the document number, the verification code and the
 * verification page's full address), "page / pages", and at the right the QR code that opens the verification page
 * with the number and the code filled in. The number of pages is known only at the end, so each page shows a template
 * that is filled when the document closes.
 */
final class PageFooter extends PdfPageEventHelper {

  private static final float SIZE = 7.5f;
  private static final float PAGES_WIDTH = 24;
  /** About 18 mm: a module of the QR code is then 0.4 mm or more, which a phone's camera reads from paper. */
  static final float QR_SIZE = 52;
  private static final float QR_GAP = 10;

  private final String text;
  private final BaseFont font;
  private final VerificationQr qr;
  private PdfTemplate pages;

  PageFooter(String text, BaseFont font, String verifyLink) {
    this.text = text;
    this.font = font;
    // a report that is not issued as a notice has nothing to verify: no QR code, the text takes its place
    this.qr = verifyLink == null ? null : new VerificationQr(verifyLink);
  }

  @Override
  public void onOpenDocument(PdfWriter writer, Document document) {
    pages = writer.getDirectContent().createTemplate(PAGES_WIDTH, SIZE + 4);
  }

  @Override
  public void onEndPage(PdfWriter writer, Document document) {
    PdfContentByte canvas = writer.getDirectContent();
    float left = document.left();
    float right = document.right();
    float top = document.bottom() - 12;
    canvas.saveState();
    canvas.setLineWidth(0.4f);
    canvas.moveTo(left, top + 4);
    canvas.lineTo(right, top + 4);
    canvas.stroke();
    canvas.restoreState();

    float textRight = right;
    if (qr != null) {
      float qrLeft = right - QR_SIZE;
      qr.draw(canvas, qrLeft, top - QR_SIZE, QR_SIZE);
      textRight = qrLeft - QR_GAP;
    }
    ColumnText column = new ColumnText(canvas);
    column.setSimpleColumn(left, top - QR_SIZE, textRight - PAGES_WIDTH - 20, top);
    // the same Japanese line breaking (禁則) as the body: the address and the code may wrap, never before a 。 or inside a run
    Chunk chunk = new Chunk(text, new Font(font, SIZE));
    chunk.setSplitCharacter(JapaneseLineBreaks.standard());
    column.addText(new Phrase(chunk));
    column.setLeading(SIZE * 1.35f);
    column.setAlignment(Element.ALIGN_LEFT);
    try {
      column.go();
    } catch (com.lowagie.text.DocumentException e) {
      throw new IllegalStateException("cannot write the footer", e);
    }

    String page = writer.getPageNumber() + " / ";
    float pageWidth = font.getWidthPoint(page, SIZE);
    canvas.beginText();
    canvas.setFontAndSize(font, SIZE);
    canvas.setTextMatrix(textRight - PAGES_WIDTH - pageWidth, top - SIZE);
    canvas.showText(page);
    canvas.endText();
    canvas.addTemplate(pages, textRight - PAGES_WIDTH, top - SIZE - 2);
  }

  @Override
  public void onCloseDocument(PdfWriter writer, Document document) {
    pages.beginText();
    pages.setFontAndSize(font, SIZE);
    pages.setTextMatrix(0, 2);
    pages.showText(Integer.toString(writer.getPageNumber() - 1));
    pages.endText();
  }
}
