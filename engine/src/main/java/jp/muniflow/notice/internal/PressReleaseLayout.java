package jp.muniflow.notice.internal;

import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.muniflow.tenants.Secretariat;

/**
 * The press release of a fiscal year's plan (報道資料), after the one the joint project has published since 2007:
 * the date and the five issuing bodies at the top right, the project and the title, the introduction, the new and
 * expanded programs (新たに行う取組), the plan as a table by area (事業名, 主な事業内容, 区分, 問い合わせ先 by the
 * bodies' short names), the total in 億 and 万, the contact offices with their heads and phones, and the project's web
 * address. Its labels come from the template's headers; names and contacts from the secretariats' data.
 */
final class PressReleaseLayout {

  private static final Color HEADER_FILL = new Color(0xE8, 0xEE, 0xF4);
  private static final Color AREA_FILL = new Color(0xF4, 0xF4, 0xF4);
  private static final String CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

  private final NoticeFonts fonts;

  PressReleaseLayout(NoticeFonts fonts) {
    this.fonts = fonts;
  }

  byte[] render(NoticeTemplate template, NoticeContext context, TemplateValues values, String title, String subject,
      String footer) {
    Map<String, Secretariat> secretariats = context.secretariats().stream()
        .collect(Collectors.toMap(Secretariat::id, Function.identity()));
    List<PlanPrograms.Area> areas = PlanPrograms.read(values.raw("programs"), values.raw("areas"));

    NoticePdf pdf = new NoticePdf(fonts, context, title + " " + subject, footer).keepingWhole(context.bodyNames());
    pdf.add(pdf.paragraph(title, pdf.title, Element.ALIGN_LEFT));
    pdf.add(pdf.paragraph(context.documentNumber(), pdf.text, Element.ALIGN_RIGHT));
    pdf.add(pdf.paragraph(values.date(context.issuedOn()), pdf.text, Element.ALIGN_RIGHT));
    pdf.space(6);
    for (Secretariat s : context.secretariats()) {
      pdf.add(pdf.paragraph(body(s, context), pdf.text, Element.ALIGN_RIGHT));
    }
    pdf.space(16);
    if (template.header("project") != null) {
      pdf.add(pdf.paragraph(values.fill(template.header("project")), pdf.heading, Element.ALIGN_CENTER));
      pdf.space(4);
    }
    pdf.add(pdf.paragraph(subject, pdf.title, Element.ALIGN_CENTER));
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

    pdf.space(12);
    pdf.add(pdf.paragraph(values.fill(template.header("new-programs")), pdf.heading, Element.ALIGN_LEFT));
    pdf.space(4);
    int areaIndex = 0;
    for (PlanPrograms.Area area : areas) {
      areaIndex++;
      int index = 0;
      for (PlanPrograms.Program p : area.programs()) {
        index++;
        if (p.kind() == PlanPrograms.Kind.CONTINUING) {
          continue;
        }
        pdf.add(pdf.paragraph("■ " + p.title() + "（" + kindLabel(template, p.kind()) + "）", pdf.heading, Element.ALIGN_LEFT));
        pdf.add(pdf.paragraph("　" + p.description(), pdf.text, Element.ALIGN_JUSTIFIED));
        String reference = template.header("plan-reference");
        if (reference != null && !context.english()) {
          // where the program stands in the plan, as the press release has always said: （事業計画書〔2〕②…）
          pdf.add(pdf.paragraph("（" + reference + areaMark(area, areaIndex) + mark(index - 1) + p.title() + "）", pdf.text,
              Element.ALIGN_RIGHT));
        }
        pdf.space(4);
      }
    }

    pdf.space(12);
    pdf.add(pdf.paragraph(values.fill(template.header("plan")), pdf.heading, Element.ALIGN_LEFT));
    pdf.space(4);
    pdf.add(planTable(pdf, template, context, values, areas, secretariats));

    pdf.space(14);
    pdf.add(pdf.paragraph(template.header("contacts"), pdf.heading, Element.ALIGN_LEFT));
    if (template.header("contacts-note") != null) {
      pdf.add(pdf.paragraph(template.header("contacts-note"), pdf.text, Element.ALIGN_LEFT));
    }
    pdf.space(4);
    for (Secretariat s : context.secretariats()) {
      String name = context.english() && s.nameEn() != null ? s.nameEn() : s.name();
      String who = s.contactHead().isEmpty() ? nullToEmpty(s.office()) : s.contactHead().printed();
      pdf.add(pdf.paragraph(name + "　" + who + "　" + template.header("phone") + "　" + nullToEmpty(s.phone()), pdf.text,
          Element.ALIGN_LEFT));
    }
    if (values.present("projectUrl") && template.header("website") != null) {
      pdf.space(8);
      pdf.add(pdf.paragraph(values.fill(template.header("website")), pdf.text, Element.ALIGN_LEFT));
      pdf.add(pdf.paragraph(values.fill("{projectUrl}"), pdf.text, Element.ALIGN_LEFT));
    }
    return pdf.finish();
  }

  private static String areaMark(PlanPrograms.Area area, int areaIndex) {
    return "〔" + (area.code().isBlank() ? Integer.toString(areaIndex) : area.code()) + "〕";
  }

  private static String mark(int index) {
    return index < CIRCLED.length() ? CIRCLED.substring(index, index + 1) : "(" + (index + 1) + ")";
  }

  /** The issuing body: the association a secretariat serves (特別区長会), or the foundation itself. */
  private static String body(Secretariat s, NoticeContext context) {
    if (context.english() && s.nameEn() != null) {
      return s.nameEn();
    }
    return s.name().endsWith("事務局") ? s.name().substring(0, s.name().length() - "事務局".length()) : s.name();
  }

  private static PdfPTable planTable(NoticePdf pdf, NoticeTemplate template, NoticeContext context, TemplateValues values,
      List<PlanPrograms.Area> areas, Map<String, Secretariat> secretariats) {
    PdfPTable table = new PdfPTable(new float[] {22, 48, 9, 21});
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    table.setSplitLate(false);
    for (String column : template.header("columns").split("\\|")) {
      PdfPCell cell = pdf.cell(column.strip(), pdf.heading);
      cell.setHorizontalAlignment(Element.ALIGN_CENTER);
      cell.setBackgroundColor(HEADER_FILL);
      table.addCell(cell);
    }
    int areaIndex = 0;
    for (PlanPrograms.Area area : areas) {
      areaIndex++;
      PdfPCell areaCell = pdf.cell(areaMark(area, areaIndex) + area.title(), pdf.heading);
      areaCell.setColspan(4);
      areaCell.setBackgroundColor(AREA_FILL);
      table.addCell(areaCell);
      int index = 0;
      for (PlanPrograms.Program p : area.programs()) {
        String mark = mark(index);
        index++;
        table.addCell(pdf.cell(mark + p.title(), pdf.text));
        table.addCell(pdf.cell("○" + p.description(), pdf.small));
        PdfPCell kind = pdf.cell(kindLabel(template, p.kind()), pdf.text);
        kind.setHorizontalAlignment(Element.ALIGN_CENTER);
        table.addCell(kind);
        String contacts = p.contacts().stream().map(id -> {
          Secretariat s = secretariats.get(id);
          // the table's column is narrow: the short names the joint project uses there (特別区協議会, 自治調査会)
          return s == null ? id : context.english() && s.nameEn() != null ? s.nameEn() : s.shortName();
        }).collect(Collectors.joining("\n"));
        table.addCell(pdf.cell(contacts, pdf.small));
      }
    }
    if (values.present("totalBudgetYen")) {
      PdfPCell label = pdf.cell(template.header("total"), pdf.heading);
      label.setColspan(2);
      label.setHorizontalAlignment(Element.ALIGN_CENTER);
      table.addCell(label);
      PdfPCell total = pdf.cell(values.format("totalBudgetYen", "oku"), pdf.heading);
      total.setColspan(2);
      total.setHorizontalAlignment(Element.ALIGN_RIGHT);
      table.addCell(total);
    }
    return table;
  }

  private static String kindLabel(NoticeTemplate template, PlanPrograms.Kind kind) {
    return switch (kind) {
      case NEW -> template.header("kind-new");
      case EXPANDED -> template.header("kind-expanded");
      case CONTINUING -> template.header("kind-continuing");
    };
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
