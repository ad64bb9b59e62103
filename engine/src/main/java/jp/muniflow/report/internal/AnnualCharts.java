package jp.muniflow.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import jp.muniflow.ui.BarChart;
import jp.muniflow.ui.PageText;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The annual report's charts: the year's flow in counts (申請 → 交付決定 → 確定 → 支払, and 返還), the amounts per
 * secretariat, and the granted and paid amounts per municipality that applied. Colours from the page's palette (the
 * Digital Agency's primitive blue, cyan, orange and red of @digital-go-jp/design-tokens), each
 * 3:1 or more against white.
 */
@Component
class AnnualCharts {

  static final String GRANTED = "#0017c1";
  static final String CONFIRMED = "#006f83";
  static final String PAID = "#ac3e00";
  static final String RETURNED = "#ce0000";

  private final MessageSource messages;
  private final PageText pageText;

  AnnualCharts(MessageSource messages, PageText pageText) {
    this.messages = messages;
    this.pageText = pageText;
  }

  List<BarChart> of(AnnualReport report, Locale locale) {
    List<BarChart> charts = new ArrayList<>();
    Figures t = report.total();
    List<String> steps = List.of(text("report.column.applications", locale), text("report.column.granted", locale),
        text("report.column.confirmed", locale), text("report.column.paid", locale), text("report.column.returned", locale));
    charts.add(BarChart.of("chart-flow", text("report.chart.flow", locale),
        text("report.chart.flow.desc", locale, t.applications(), t.granted(), t.confirmed(), t.paid(), t.returned()),
        steps, List.of(new BarChart.Series(text("report.chart.count", locale), GRANTED,
            List.of(t.applications(), t.granted(), t.confirmed(), t.paid(), t.returned()))),
        v -> text("report.count", locale, String.valueOf(v))));
    if (!report.secretariats().isEmpty()) {
      charts.add(amounts("chart-secretariats", "report.chart.secretariats", report.secretariats(), report, locale, true));
    }
    List<AnnualReport.Line> applied = report.municipalities().stream().filter(l -> l.figures().applications() > 0).toList();
    if (!applied.isEmpty()) {
      charts.add(amounts("chart-municipalities", "report.chart.municipalities", applied, report, locale, false));
    }
    return charts;
  }

  private BarChart amounts(String id, String key, List<AnnualReport.Line> lines, AnnualReport report, Locale locale,
      boolean all) {
    List<BarChart.Series> series = new ArrayList<>();
    series.add(series("report.column.granted-yen", GRANTED, lines, Figures::grantedYen, locale));
    if (all) {
      series.add(series("report.column.confirmed-yen", CONFIRMED, lines, Figures::confirmedYen, locale));
    }
    series.add(series("report.column.paid-yen", PAID, lines, Figures::paidYen, locale));
    if (all) {
      series.add(series("report.column.returned-yen", RETURNED, lines, Figures::returnedYen, locale));
    }
    Figures t = report.total();
    return BarChart.of(id, text(key, locale), text(key + ".desc", locale, lines.size(), pageText.yen(t.grantedYen()),
        pageText.yen(t.paidYen())), lines.stream().map(AnnualReport.Line::name).toList(), series, pageText::yen);
  }

  private BarChart.Series series(String key, String colour, List<AnnualReport.Line> lines,
      Function<Figures, Long> value, Locale locale) {
    return new BarChart.Series(text(key, locale), colour, lines.stream().map(l -> value.apply(l.figures())).toList());
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
