package jp.muniflow.notice.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;

/**
 * One notice's PDF while it is written: A4 portrait with the margins of a Japanese official document, the fonts
 * in their sizes, the footer with its QR code on every page, and every text passed through {@link PlainText} on its
 * way in — nothing reaches the page that is not plain, printable text. The file is PDF/A-2b ({@link PdfArchive}):
 * every piece of text, even an empty line, is set in one of the two embedded fonts, never in OpenPDF's default
 * Helvetica, which no PDF carries.
 */
final class NoticePdf {

  static final float TEXT_SIZE = 10.5f;
  static final float LEADING = TEXT_SIZE * 1.7f;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
  private final Document document;
  private final PlainText plain;
  final Font text;
  final Font small;
  final Font heading;
  final Font title;

  NoticePdf(NoticeFonts fonts, NoticeContext context, String documentTitle, String footer) {
    this.plain = fonts.plainText();
    this.text = new Font(fonts.text(), TEXT_SIZE);
    this.small = new Font(fonts.text(), 8.5f);
    this.heading = new Font(fonts.heading(), 11.5f);
    this.title = new Font(fonts.heading(), 16f);
    // 30 mm at the left for binding, 20 mm elsewhere, and room for the footer at the bottom
    this.document = new Document(PageSize.A4, 85, 57, 57, 80);
    PdfWriter writer = PdfWriter.getInstance(document, out);
    PdfArchive.prepare(writer);
    writer.setPageEvent(new PageFooter(plain.line(footer), fonts.text(), context.verifyLink()));
    String issuer = context.english() && context.issuer().nameEn() != null ? context.issuer().nameEn() : context.issuer().name();
    document.addTitle(plain.line(documentTitle));
    document.addAuthor(plain.line(issuer));
    document.addSubject(plain.line(context.documentNumber()));
    document.addCreator("MuniFlow");
    document.open();
    PdfArchive.describe(writer, plain.line(context.documentNumber()), context.language());
  }

  /** A paragraph of cleaned text. */
  Paragraph paragraph(String content, Font font, int alignment) {
    Paragraph p = new Paragraph(LEADING, plain.lines(content), font);
    p.setAlignment(alignment);
    return p;
  }

  /** A cell of cleaned text. */
  PdfPCell cell(String content, Font font) {
    PdfPCell cell = new PdfPCell(new Phrase(font.getSize() * 1.5f, plain.lines(content), font));
    cell.setPaddingTop(3);
    cell.setPaddingBottom(5);
    return cell;
  }

  String line(String content) {
    return plain.line(content);
  }

  void add(Element element) {
    try {
      document.add(element);
    } catch (DocumentException e) {
      throw new IllegalStateException("cannot lay out the notice", e);
    }
  }

  /** Vertical space: an empty line in the text font (Chunk.NEWLINE would bring in the unembedded Helvetica). */
  void space(float points) {
    add(new Paragraph(points, new Chunk("\n", text)));
  }

  byte[] finish() {
    document.close();
    return out.toByteArray();
  }
}
