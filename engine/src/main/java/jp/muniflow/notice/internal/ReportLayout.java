package jp.muniflow.notice.internal;

import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.muniflow.notice.ReportDocument;
import jp.muniflow.platform.JapaneseCalendar;
import jp.muniflow.tenants.Secretariat;

/**
 * A report laid out as a notice is (see {@link LetterLayout}): the date at the top right, the addressee at the left,
 * the issuer with its representative and （公印省略） at the right, the title and subject centred, the introduction,
 * then each table under its heading (the header row repeated on every page, figures to the right), the notes and the
 * contact office. No document number and no QR code: a report is not issued, so nothing could verify it.
 */
public final class ReportLayout {

  private static final Color HEADER_FILL = new Color(0xE8, 0xEE, 0xF4);
  private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private final NoticeFonts fonts;

  public ReportLayout(NoticeFonts fonts) {
    this.fonts = fonts;
  }

  public byte[] render(ReportDocument report, Secretariat issuer, List<Secretariat> secretariats, ZoneId zone) {
    boolean english = "en".equals(report.language());
    String date = english ? ENGLISH_DATE.format(report.issuedOn()) : JapaneseCalendar.format(report.issuedOn());
    NoticeContext context = new NoticeContext(report.title(), report.issuedOn(), report.addressee(), issuer, null,
        secretariats, Map.of(), english ? "en" : "ja", null, zone);
    NoticePdf pdf = new NoticePdf(fonts, context, report.title(), report.footer()).keepingWhole(context.bodyNames());
    pdf.add(pdf.paragraph(date, pdf.text, Element.ALIGN_RIGHT));
    pdf.space(14);
    if (report.addressee() != null) {
      pdf.add(pdf.paragraph(report.addressee() + (english ? "" : "　御中"), pdf.text, Element.ALIGN_LEFT));
      pdf.space(8);
    }
    String issuerName = english && issuer.nameEn() != null ? issuer.nameEn() : issuer.name();
    pdf.add(pdf.paragraph(issuerName, pdf.text, Element.ALIGN_RIGHT));
    if (!issuer.representative().isEmpty()) {
      pdf.add(pdf.paragraph(issuer.representative().printed(), pdf.text, Element.ALIGN_RIGHT));
    }
    pdf.add(pdf.paragraph(english ? "(Official seal omitted)" : "（公印省略）", pdf.small, Element.ALIGN_RIGHT));
    pdf.space(18);
    pdf.add(pdf.paragraph(report.title(), pdf.title, Element.ALIGN_CENTER));
    if (report.subject() != null) {
      pdf.space(4);
      pdf.add(pdf.paragraph(report.subject(), pdf.heading, Element.ALIGN_CENTER));
    }
    pdf.space(14);
    for (String paragraph : report.introduction()) {
      pdf.add(pdf.paragraph(paragraph, pdf.text, Element.ALIGN_JUSTIFIED));
    }
    for (ReportDocument.Section section : report.sections()) {
      pdf.space(12);
      pdf.add(pdf.paragraph(section.heading(), pdf.heading, Element.ALIGN_LEFT));
      pdf.space(4);
      pdf.add(table(pdf, section));
    }
    if (!report.notes().isEmpty()) {
      pdf.space(10);
      for (String note : report.notes()) {
        pdf.add(pdf.paragraph(note, pdf.small, Element.ALIGN_LEFT));
      }
    }
    pdf.space(18);
    pdf.add(contact(pdf, issuerName, issuer, english));
    return pdf.finish();
  }

  private static PdfPTable table(NoticePdf pdf, ReportDocument.Section section) {
    float[] widths = new float[section.columns().size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = section.columns().get(i).width();
    }
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    table.setSplitLate(false);
    for (ReportDocument.Column column : section.columns()) {
      PdfPCell cell = pdf.cell(column.label(), pdf.small);
      cell.setHorizontalAlignment(Element.ALIGN_CENTER);
      cell.setBackgroundColor(HEADER_FILL);
      table.addCell(cell);
    }
    for (int r = 0; r < section.rows().size(); r++) {
      boolean total = section.lastRowIsTotal() && r == section.rows().size() - 1;
      List<String> row = section.rows().get(r);
      for (int c = 0; c < row.size(); c++) {
        PdfPCell cell = pdf.cell(row.get(c), total ? pdf.heading : pdf.small);
        if (section.columns().get(c).numeric()) {
          cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        table.addCell(cell);
      }
    }
    return table;
  }

  private static PdfPTable contact(NoticePdf pdf, String issuerName, Secretariat issuer, boolean english) {
    String office = issuer.office() == null ? "" : "　" + issuer.office();
    String text = (english ? "Contact" : "問い合わせ先") + "\n" + issuerName + office + "\n"
        + (english ? "Tel." : "電話") + "　" + (issuer.phone() == null ? "" : issuer.phone());
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
