package jp.muniflow.campaign.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import jp.muniflow.ui.BarChart;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The published table's chart: each municipality's total, this year's beside last year's where last year's table
 * was published. Municipalities that did not submit are left out of the chart (the table shows them as 未提出); one
 * that submitted this year but not last year has no bar for last year, a dash instead.
 * Figures are drawn rounded to whole units (the chart's values are whole numbers; the table keeps the decimals).
 */
@Component
class CampaignChart {

  static final String THIS_YEAR = "#0017c1";
  static final String LAST_YEAR = "#006f83";

  private final MessageSource messages;
  private final java.time.Clock clock;

  CampaignChart(MessageSource messages, java.time.Clock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  BarChart of(Campaigns.Table table, Locale locale) {
    List<Campaigns.Row> submitted = table.rows().stream().filter(Campaigns.Row::submitted).toList();
    List<String> names = submitted.stream().map(Campaigns.Row::municipality).toList();
    BarChart.Series now = new BarChart.Series(year(table.fiscalYear(), locale), THIS_YEAR,
        submitted.stream().map(r -> whole(r.total())).toList());
    List<BarChart.Series> series = table.previousFiscalYear() == null ? List.of(now) : List.of(now,
        new BarChart.Series(year(table.previousFiscalYear(), locale), LAST_YEAR,
            submitted.stream().map(r -> whole(r.previousTotal())).toList()));
    return BarChart.of("campaign-chart", text("campaign.chart.title", locale),
        text("campaign.chart.desc", locale, submitted.size(), table.total().toPlainString()), names, series,
        String::valueOf);
  }

  /** A year as every page shows it: 令和8年度, in English FY2026 (令和8年度). */
  private String year(int fiscalYear, Locale locale) {
    String era = jp.muniflow.platform.JapaneseCalendar.formatFiscalYear(fiscalYear, jp.muniflow.platform.JapanTime.today(clock));
    return text("page.fiscal-year", locale, era, String.valueOf(fiscalYear));
  }

  /** A figure rounded to whole units; none where there is none (last year's of a municipality that did not submit). */
  private static Long whole(BigDecimal value) {
    return value == null ? null : value.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
