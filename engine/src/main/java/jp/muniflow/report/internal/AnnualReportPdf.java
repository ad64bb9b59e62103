package jp.muniflow.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.muniflow.notice.ReportDocument;
import jp.muniflow.notice.ReportRendering;
import jp.muniflow.plan.SubmitPlan;
import jp.muniflow.platform.JapaneseCalendar;
import jp.muniflow.ui.PageText;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The annual report as a PDF in the notice style, issued by the coordinator (特別区協議会) to the joint council: the
 * three tables — by program, by secretariat, by municipality — each cell a count over its amount, with a total line.
 */
@Component
class AnnualReportPdf {

  private static final String[] FIGURES = {"applications", "granted", "confirmed", "paid", "returned"};

  private final ReportRendering rendering;
  private final MessageSource messages;
  private final PageText pageText;

  AnnualReportPdf(ReportRendering rendering, MessageSource messages, PageText pageText) {
    this.rendering = rendering;
    this.messages = messages;
    this.pageText = pageText;
  }

  byte[] render(AnnualReport report, Locale locale) {
    String asOf = english(locale) ? report.asOf().toString() : JapaneseCalendar.format(report.asOf());
    List<ReportDocument.Section> sections = List.of(
        section("report.section.programs", report.programs(), null, locale),
        section("report.section.secretariats", report.secretariats(), null, locale),
        section("report.section.municipalities", report.municipalities(), report.total(), locale));
    return rendering.render(new ReportDocument(SubmitPlan.COORDINATOR, english(locale) ? "en" : "ja", report.asOf(),
        text("report.addressee", locale), text("report.title", locale),
        text("report.subject", locale, report.fiscalYearName()),
        List.of(text("report.intro", locale, report.fiscalYearName(), asOf), closing(report, locale)), sections,
        List.of(text("report.note.counts", locale), text("report.note.scope." + report.scope(), locale)),
        text("report.footer", locale, report.fiscalYearName(), asOf)));
  }

  /** Whether the figures are final: the year closed on its day, or still running. */
  private String closing(AnnualReport report, Locale locale) {
    if (report.closedOn() == null) {
      return text("report.running", locale);
    }
    String day = english(locale) ? report.closedOn().toString() : JapaneseCalendar.format(report.closedOn());
    return text("report.closed", locale, report.fiscalYearName(), day);
  }

  private ReportDocument.Section section(String heading, List<AnnualReport.Line> lines, Figures total, Locale locale) {
    List<ReportDocument.Column> columns = new ArrayList<>();
    columns.add(new ReportDocument.Column(text("report.column.name", locale), 25, false));
    for (String figure : FIGURES) {
      columns.add(new ReportDocument.Column(text("report.column." + figure, locale), 15, true));
    }
    List<List<String>> rows = new ArrayList<>();
    for (AnnualReport.Line line : lines) {
      rows.add(row(line.name(), line.figures(), locale));
    }
    if (total != null) {
      rows.add(row(text("report.total", locale), total, locale));
    }
    return new ReportDocument.Section(text(heading, locale), columns, rows, total != null);
  }

  /** A line's cells: its name, then each count over its amount. */
  private List<String> row(String name, Figures f, Locale locale) {
    return List.of(name, cell(f.applications(), f.requestedYen(), locale), cell(f.granted(), f.grantedYen(), locale),
        cell(f.confirmed(), f.confirmedYen(), locale), cell(f.paid(), f.paidYen(), locale),
        cell(f.returned(), f.returnedYen(), locale));
  }

  private String cell(long count, long yen, Locale locale) {
    return text("report.count", locale, String.valueOf(count)) + "\n" + pageText.yen(yen);
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private static boolean english(Locale locale) {
    return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
  }
}
