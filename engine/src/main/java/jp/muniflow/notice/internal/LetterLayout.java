package jp.muniflow.notice.internal;

import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.muniflow.tenants.Secretariat;

/**
 * The layout of a Japanese official notice (公用文): the document number and the date at the top right, the
 * addressee at the left (千代田区長　殿), the issuer at the right with its representative under it and, as the
 * template's header {@code seal} says, the note of the electronic seal (with the seal image over the name when the
 * operator supplied one) or （公印省略）; the title and the subject centred, the body, 記 with its numbered details,
 * 以上, the contact office, and the footer with the verification line and page numbers.
 */
final class LetterLayout {

  /** The template header that says how the notice is sealed: {@code electronic} or {@code omitted}. */
  static final String SEAL = "seal";
  static final String SEAL_ELECTRONIC = "electronic";
  static final String SEAL_OMITTED = "omitted";
  /** The printed size of a seal image (a 21 mm square, as an official seal of a body is). */
  private static final float SEAL_SIZE = 60f;
  private static final Pattern LIST_ITEM = Pattern.compile("^(（[０-９]+）|\\([0-9]+\\) )");

  private final NoticeFonts fonts;

  LetterLayout(NoticeFonts fonts) {
    this.fonts = fonts;
  }

  byte[] render(NoticeTemplate template, NoticeContext context, TemplateValues values, String title, String subject,
      String footer) {
    boolean electronicSeal = sealedElectronically(template);
    NoticePdf pdf = new NoticePdf(fonts, context, title, footer).keepingWhole(context.bodyNames());
    pdf.add(pdf.paragraph(context.documentNumber(), pdf.text, Element.ALIGN_RIGHT));
    pdf.add(pdf.paragraph(values.date(context.issuedOn()), pdf.text, Element.ALIGN_RIGHT));
    pdf.space(14);
    if (context.addressee() != null) {
      pdf.add(pdf.paragraph(context.addressee() + "　" + template.header("honorific"), pdf.text, Element.ALIGN_LEFT));
      pdf.space(8);
    }
    issuerBlock(pdf, template, context, electronicSeal);
    pdf.space(18);

    Paragraph heading = pdf.paragraph(title, pdf.title, Element.ALIGN_CENTER);
    pdf.add(heading);
    pdf.space(4);
    pdf.add(pdf.paragraph(subject, pdf.heading, Element.ALIGN_CENTER));
    pdf.space(14);

    for (NoticeTemplate.Line line : template.body()) {
      if (line.condition() != null && !values.present(line.condition())) {
        continue;
      }
      String text = values.fill(line.text());
      if (text.isBlank()) {
        pdf.space(8);
      } else {
        pdf.add(pdf.paragraph(text, pdf.text, Element.ALIGN_JUSTIFIED));
      }
    }

    List<String[]> details = details(template, values);
    if (!details.isEmpty()) {
      pdf.space(10);
      pdf.add(pdf.paragraph(template.header("details"), pdf.text, Element.ALIGN_CENTER));
      pdf.space(6);
      pdf.add(detailsTable(pdf, details));
      pdf.add(pdf.paragraph(template.header("closing"), pdf.text, Element.ALIGN_RIGHT));
    }
    pdf.space(18);
    pdf.add(contact(pdf, template, context));
    return pdf.finish();
  }

  /** The issuer, its representative under it, and the seal or （公印省略）. */
  private static void issuerBlock(NoticePdf pdf, NoticeTemplate template, NoticeContext context, boolean electronicSeal) {
    pdf.add(pdf.paragraph(issuerName(context), pdf.text, Element.ALIGN_RIGHT));
    Secretariat.Person representative = context.issuer().representative();
    if (!representative.isEmpty()) {
      pdf.add(pdf.paragraph(representative.printed(), pdf.text, Element.ALIGN_RIGHT));
      if (electronicSeal && template.sealImage() != null) {
        pdf.sealOverLastLine(template.sealImage(), SEAL_SIZE);
      }
    }
    String note = template.header(electronicSeal ? "seal-electronic" : "seal-omitted");
    if (note != null && !note.isBlank()) {
      pdf.add(pdf.paragraph(note, pdf.small, Element.ALIGN_RIGHT));
    }
  }

  private static boolean sealedElectronically(NoticeTemplate template) {
    String seal = template.header(SEAL);
    if (seal == null || seal.isBlank() || SEAL_OMITTED.equals(seal)) {
      return false;
    }
    if (SEAL_ELECTRONIC.equals(seal)) {
      return true;
    }
    throw new IllegalArgumentException(template.source() + ": the header 'seal' is 'electronic' or 'omitted', not '"
        + seal + "'");
  }

  private static String issuerName(NoticeContext context) {
    return context.english() && context.issuer().nameEn() != null ? context.issuer().nameEn() : context.issuer().name();
  }

  /** The details that apply, numbered in order after the conditions: no gap where a line is left out. */
  private static List<String[]> details(NoticeTemplate template, TemplateValues values) {
    List<String[]> rows = new ArrayList<>();
    for (NoticeTemplate.Line line : template.details()) {
      if (line.condition() != null && !values.present(line.condition())) {
        continue;
      }
      String filled = values.fill(line.text());
      int bar = filled.indexOf('|');
      String label = bar < 0 ? "" : filled.substring(0, bar).strip();
      String value = bar < 0 ? filled.strip() : filled.substring(bar + 1).strip();
      rows.add(new String[] {Integer.toString(rows.size() + 1), label, value});
    }
    return rows;
  }

  private static PdfPTable detailsTable(NoticePdf pdf, List<String[]> rows) {
    PdfPTable table = new PdfPTable(new float[] {5, 27, 68});
    table.setWidthPercentage(100);
    table.setSplitLate(false);
    for (String[] row : rows) {
      for (String column : row) {
        PdfPCell cell = column.indexOf('\n') >= 0 ? listCell(pdf, column) : pdf.cell(column, pdf.text);
        cell.setBorder(Rectangle.NO_BORDER);
        table.addCell(cell);
      }
    }
    return table;
  }

  /**
   * A value of several lines, such as the numbered conditions of a grant: one paragraph a line, and a numbered item's
   * following lines indented under its text, not under its number.
   */
  private static PdfPCell listCell(NoticePdf pdf, String value) {
    PdfPCell cell = pdf.cell("", pdf.text);
    for (String line : value.split("\n", -1)) {
      Paragraph p = new Paragraph(pdf.text.getSize() * NoticePdf.CELL_LEADING, pdf.chunk(line, pdf.text));
      Matcher item = LIST_ITEM.matcher(line);
      if (item.find()) {
        float indent = pdf.text.getBaseFont().getWidthPoint(item.group(1), pdf.text.getSize());
        p.setIndentationLeft(indent);
        p.setFirstLineIndent(-indent);
      }
      cell.addElement(p);
    }
    return cell;
  }

  private static PdfPTable contact(NoticePdf pdf, NoticeTemplate template, NoticeContext context) {
    String office = context.issuer().office() == null ? "" : "　" + context.issuer().office();
    String text = template.header("contact") + "\n" + issuerName(context) + office + "\n"
        + template.header("phone") + "　" + (context.issuer().phone() == null ? "" : context.issuer().phone());
    PdfPTable box = new PdfPTable(1);
    box.setWidthPercentage(55);
    box.setHorizontalAlignment(Element.ALIGN_RIGHT);
    box.setKeepTogether(true);
    PdfPCell cell = pdf.cell(text, pdf.text);
    cell.setBorderWidth(0.6f);
    cell.setPadding(6);
    box.addCell(cell);
    return box;
  }
}
