package jp.muniflow.notice.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

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
  /** The distance of a cell's lines, as a multiple of the font size. */
  static final float CELL_LEADING = 1.6f;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
  private final Document document;
  private final PdfWriter writer;
  private final PlainText plain;
  /** Made at the first chunk unless {@link #keepingWhole} gave them first (each holds a break iterator of its own). */
  private JapaneseLineBreaks lineBreaks;
  private JapaneseLineBreaks headingBreaks;
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
    this.writer = PdfWriter.getInstance(document, out);
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

  /** Lines break by the Japanese rules and never inside these names (the secretariats'), besides amounts and dates. */
  NoticePdf keepingWhole(java.util.Collection<String> names) {
    this.lineBreaks = JapaneseLineBreaks.keepingWhole(names);
    this.headingBreaks = JapaneseLineBreaks.byPhrases(names);
    return this;
  }

  /** A paragraph of cleaned text. */
  Paragraph paragraph(String content, Font font, int alignment) {
    Paragraph p = new Paragraph(LEADING, chunk(content, font));
    p.setAlignment(alignment);
    return p;
  }

  /** Cleaned text that breaks its lines by the Japanese rules (禁則); a heading's lines only between phrases. */
  Chunk chunk(String content, Font font) {
    Chunk chunk = new Chunk(plain.lines(content), font);
    if (lineBreaks == null) {
      keepingWhole(java.util.List.of());
    }
    chunk.setSplitCharacter(font == heading || font == title ? headingBreaks : lineBreaks);
    return chunk;
  }

  /** A cell of cleaned text, its lines 1.5 times the font size apart (a cell's own default sets them touching). */
  PdfPCell cell(String content, Font font) {
    PdfPCell cell = new PdfPCell(new Phrase(chunk(content, font)));
    cell.setLeading(0, CELL_LEADING);
    cell.setPaddingTop(3);
    cell.setPaddingBottom(5);
    return cell;
  }

  /**
   * Places an image over the end of the line just added, under its text: the issuer's seal (印影) over the last
   * character of the representative's name, as a seal is pressed on paper.
   */
  void sealOverLastLine(byte[] png, float size) {
    Image image;
    try {
      image = Image.getInstance(png);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("the seal image is not a PNG OpenPDF can read: " + e.getMessage(), e);
    }
    image.scaleToFit(size, size);
    float baseline = writer.getVerticalPosition(false);
    float centreX = document.right() - TEXT_SIZE / 2;
    float centreY = baseline + TEXT_SIZE * 0.35f;
    image.setAbsolutePosition(centreX - image.getScaledWidth() / 2, centreY - image.getScaledHeight() / 2);
    try {
      writer.getDirectContentUnder().addImage(image);
    } catch (DocumentException e) {
      throw new IllegalStateException("cannot place the seal image", e);
    }
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
