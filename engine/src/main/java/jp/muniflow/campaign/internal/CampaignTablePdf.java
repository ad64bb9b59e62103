package jp.muniflow.campaign.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.muniflow.notice.ReportDocument;
import jp.muniflow.notice.ReportRendering;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.JapaneseCalendar;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A campaign's published table as a PDF in the notice style, issued by the secretariat the publish step names and
 * addressed to every municipality: one line per municipality (未提出 where none was accepted), its total, last year's
 * total and the change, then the total line.
 */
@Component
class CampaignTablePdf {

  private final ReportRendering rendering;
  private final MessageSource messages;

  CampaignTablePdf(ReportRendering rendering, MessageSource messages) {
    this.rendering = rendering;
    this.messages = messages;
  }

  byte[] render(Campaigns.Table table, Locale locale) {
    boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    LocalDate publishedOn = LocalDate.ofInstant(table.publishedAt(), JapanTime.ZONE);
    String year = yearOf(table.fiscalYear(), publishedOn, english);
    boolean compared = table.previousFiscalYear() != null;
    List<ReportDocument.Column> columns = new ArrayList<>();
    columns.add(new ReportDocument.Column(text("campaign.column.name", locale), 20, false));
    table.columns().forEach(c -> columns.add(new ReportDocument.Column(table.label(c), 12, true)));
    columns.add(new ReportDocument.Column(text("campaign.column.total", locale), 13, true));
    if (compared) {
      columns.add(new ReportDocument.Column(text("campaign.column.change", locale), 13, true));
    }
    List<List<String>> rows = new ArrayList<>();
    for (Campaigns.Row row : table.rows()) {
      List<String> cells = new ArrayList<>();
      cells.add(row.municipality());
      if (row.submitted()) {
        table.columns().forEach(c -> cells.add(n(row.figures().get(c))));
        cells.add(n(row.total()));
      } else {
        table.columns().forEach(c -> cells.add(""));
        cells.add(text("campaign.not-submitted", locale));
      }
      if (compared) {
        cells.add(change(row.change(), row.changePercent()));
      }
      rows.add(cells);
    }
    List<String> total = new ArrayList<>();
    total.add(text("campaign.total", locale));
    table.columns().forEach(c -> total.add(n(table.totals().get(c))));
    total.add(n(table.total()));
    if (compared) {
      total.add(change(table.change(), table.changePercent()));
    }
    rows.add(total);
    List<String> notes = new ArrayList<>();
    notes.add(text("campaign.note.submitted", locale, table.submitted(), table.rows().size()));
    notes.add(compared ? text("campaign.note.change", locale, yearOf(table.previousFiscalYear(), publishedOn, english)) : text("campaign.note.no-previous", locale));
    return rendering.render(new ReportDocument(table.issuerId(), english ? "en" : "ja", publishedOn,
        text("campaign.addressee", locale), table.title(), text("campaign.subject", locale, year),
        List.of(text("campaign.intro", locale, year)),
        List.of(new ReportDocument.Section(text("campaign.section", locale), columns, rows, true)), notes,
        table.title() + " (" + year + ")"));
  }

  /** A fiscal year as the notices write it: in the era in Japanese (令和8年度), FY2026 in English. */
  private static String yearOf(int fiscalYear, LocalDate publishedOn, boolean english) {
    return english ? "FY" + fiscalYear : JapaneseCalendar.formatFiscalYear(fiscalYear, publishedOn);
  }

  private static String n(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }

  /** The change and its percentage, or a dash where last year has no figure to compare with. */
  private static String change(BigDecimal change, BigDecimal percent) {
    if (change == null) {
      return "—";
    }
    String signed = (change.signum() > 0 ? "+" : "") + change.toPlainString();
    return percent == null ? signed : signed + "\n(" + (percent.signum() > 0 ? "+" : "") + percent.toPlainString() + "%)";
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
