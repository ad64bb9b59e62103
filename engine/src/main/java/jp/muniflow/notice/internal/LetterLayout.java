package jp.muniflow.notice.internal;

import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a Japanese official notice (公用文): the document number and the date at the top right, the
 * addressee at the left (千代田区長　殿), the issuer at the right, the title and the subject centred, the body, 記 with
 * its numbered details, 以上, the contact office, and the footer with the verification line and page numbers.
 */
final class LetterLayout {

  private final NoticeFonts fonts;

  LetterLayout(NoticeFonts fonts) {
    this.fonts = fonts;
  }

  byte[] render(NoticeTemplate template, NoticeContext context, TemplateValues values, String title, String subject,
      String footer) {
    NoticePdf pdf = new NoticePdf(fonts, context, title, footer);
    pdf.add(pdf.paragraph(context.documentNumber(), pdf.text, Element.ALIGN_RIGHT));
    pdf.add(pdf.paragraph(values.date(context.issuedOn()), pdf.text, Element.ALIGN_RIGHT));
    pdf.space(14);
    if (context.addressee() != null) {
      pdf.add(pdf.paragraph(context.addressee() + "　" + template.header("honorific"), pdf.text, Element.ALIGN_LEFT));
      pdf.space(8);
    }
    pdf.add(pdf.paragraph(issuerName(context), pdf.text, Element.ALIGN_RIGHT));
    pdf.space(22);

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
        PdfPCell cell = pdf.cell(column, pdf.text);
        cell.setBorder(Rectangle.NO_BORDER);
        table.addCell(cell);
      }
    }
    return table;
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
