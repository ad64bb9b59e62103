package jp.muniflow.subsidy.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import jp.muniflow.processes.subsidy.SubsidyContract;
import jp.muniflow.subsidy.ApplicationStatus;
import jp.muniflow.subsidy.SubsidyApplication;
import jp.muniflow.tenants.TenantRegistry;
import jp.muniflow.ui.BarChart;
import jp.muniflow.ui.PageText;
import jp.muniflow.ui.Viewer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The dashboard's charts (the same server-drawn SVG as the annual report, each with its table behind a disclosure):
 * open work per secretariat, the days from submission to the grant decision (median and 90th percentile) per
 * deciding secretariat, the user's overdue tasks per municipality, and the budget used against the cap per
 * municipality that applied. Drawn from what the dashboard already shows the user, nothing more.
 */
@Component
class DashboardCharts {

  static final String FIRST = "#0017c1";
  static final String SECOND = "#ac3e00";
  /** Decided: the grant decision (交付決定 or 不交付) was made. */
  private static final java.util.Set<ApplicationStatus> DECIDED = java.util.EnumSet.of(ApplicationStatus.GRANTED,
      ApplicationStatus.REPORTED, ApplicationStatus.CONFIRMED, ApplicationStatus.REJECTED);

  private final HistoryService history;
  private final TenantRegistry registry;
  private final Viewer viewer;
  private final PageText pageText;
  private final MessageSource messages;

  DashboardCharts(HistoryService history, TenantRegistry registry, Viewer viewer, PageText pageText,
      MessageSource messages) {
    this.history = history;
    this.registry = registry;
    this.viewer = viewer;
    this.pageText = pageText;
    this.messages = messages;
  }

  List<BarChart> of(List<SubsidyApplication> applications, List<DashboardPage.Row> rows, Locale locale) {
    return List.of(openWork(applications, locale), decisionDays(applications, locale), overdue(rows, locale),
        budget(rows, locale));
  }

  /** Open applications per secretariat: in review under the reviewing one, decided but not confirmed under the deciding. */
  private BarChart openWork(List<SubsidyApplication> applications, Locale locale) {
    Map<String, long[]> bySecretariat = bySecretariatInRegistryOrder();
    for (SubsidyApplication a : applications) {
      if (a.status().isUndecided() && a.reviewingSecretariat() != null) {
        bySecretariat.computeIfAbsent(a.reviewingSecretariat(), s -> new long[3])[0]++;
      } else if ((a.status() == ApplicationStatus.GRANTED || a.status() == ApplicationStatus.REPORTED)
          && a.decidingSecretariat() != null) {
        bySecretariat.computeIfAbsent(a.decidingSecretariat(), s -> new long[3])[1]++;
      }
    }
    bySecretariat.values().removeIf(n -> n[0] == 0 && n[1] == 0);
    long review = bySecretariat.values().stream().mapToLong(n -> n[0]).sum();
    long after = bySecretariat.values().stream().mapToLong(n -> n[1]).sum();
    return BarChart.of("chart-open-work", text("page.dashboard.chart.open-work", locale),
        text("page.dashboard.chart.open-work.desc", locale, review, after), names(bySecretariat, locale),
        List.of(series("page.dashboard.chart.in-review", FIRST, bySecretariat, n -> n[0], locale),
            series("page.dashboard.chart.after-decision", SECOND, bySecretariat, n -> n[1], locale)),
        v -> text("page.dashboard.chart.count", locale, String.valueOf(v)));
  }

  /**
   * Days from submission to the grant decision per deciding secretariat, median and 90th percentile (nearest rank),
   * in tenths of a day: the last decision task of each decided application, from the engine's history.
   */
  private BarChart decisionDays(List<SubsidyApplication> applications, Locale locale) {
    Map<String, SubsidyApplication> byInstance = new HashMap<>();
    List<String> ids = new ArrayList<>();
    for (SubsidyApplication a : applications) {
      if (DECIDED.contains(a.status()) && a.decidingSecretariat() != null) {
        byInstance.put(a.processInstanceId(), a);
        ids.add(a.id());
      }
    }
    Map<String, java.util.Date> decidedAt = new HashMap<>();
    if (!byInstance.isEmpty()) {
      for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery()
          .processInstanceBusinessKeyIn(ids.toArray(String[]::new))
          .taskDefinitionKey(SubsidyContract.DECIDE_GRANT).finished().list()) {
        if (!byInstance.containsKey(t.getProcessInstanceId())) {
          continue;  // a business key is not unique across processes: only the applications' own instances count
        }
        decidedAt.merge(t.getProcessInstanceId(), t.getEndTime(), (x, y) -> x.after(y) ? x : y);
      }
    }
    Map<String, List<Long>> tenths = new LinkedHashMap<>();
    bySecretariatInRegistryOrder().keySet().forEach(s -> tenths.put(s, new ArrayList<>()));
    decidedAt.forEach((instance, at) -> {
      SubsidyApplication a = byInstance.get(instance);
      long seconds = Math.max(0, Duration.between(a.submittedAt(), at.toInstant()).getSeconds());
      tenths.computeIfAbsent(a.decidingSecretariat(), s -> new ArrayList<>()).add(Math.round(seconds / 8640.0));
    });
    tenths.values().removeIf(List::isEmpty);
    Map<String, long[]> figures = new LinkedHashMap<>();
    tenths.forEach((s, days) -> {
      List<Long> sorted = days.stream().sorted().toList();
      figures.put(s, new long[] {rank(sorted, 0.5), rank(sorted, 0.9), sorted.size()});
    });
    return BarChart.of("chart-decision-days", text("page.dashboard.chart.decision-days", locale),
        text("page.dashboard.chart.decision-days.desc", locale, decidedAt.size()), names(figures, locale),
        List.of(series("page.dashboard.chart.median", FIRST, figures, n -> n[0], locale),
            series("page.dashboard.chart.p90", SECOND, figures, n -> n[1], locale)),
        v -> text("page.dashboard.chart.days", locale, String.format(Locale.ROOT, "%.1f", v / 10.0)));
  }

  private BarChart overdue(List<DashboardPage.Row> rows, Locale locale) {
    List<DashboardPage.Row> late = rows.stream().filter(r -> r.overdue() > 0).toList();
    return BarChart.of("chart-overdue", text("page.dashboard.chart.overdue", locale),
        text("page.dashboard.chart.overdue.desc", locale, late.stream().mapToLong(DashboardPage.Row::overdue).sum(),
            late.size()), late.stream().map(DashboardPage.Row::name).toList(),
        List.of(new BarChart.Series(text("page.dashboard.overdue", locale), SECOND,
            late.stream().map(DashboardPage.Row::overdue).toList())),
        v -> text("page.dashboard.chart.count", locale, String.valueOf(v)));
  }

  /** The decided amounts against the cap, for the municipalities that applied (all of them would be 62 empty lines). */
  private BarChart budget(List<DashboardPage.Row> rows, Locale locale) {
    List<DashboardPage.Row> used = rows.stream().filter(r -> r.decided() > 0 || r.open() > 0).toList();
    return BarChart.of("chart-budget", text("page.dashboard.chart.budget", locale),
        text("page.dashboard.chart.budget.desc", locale, used.size(),
            pageText.yen(used.stream().mapToLong(DashboardPage.Row::decided).sum())),
        used.stream().map(DashboardPage.Row::name).toList(),
        List.of(new BarChart.Series(text("page.dashboard.decided", locale), FIRST,
                used.stream().map(DashboardPage.Row::decided).toList()),
            new BarChart.Series(text("page.dashboard.cap", locale), SECOND,
                used.stream().map(DashboardPage.Row::cap).toList())),
        pageText::yen);
  }

  /** The value at the rank ⌈p·n⌉ of the sorted values (nearest rank: always one of the values). */
  static long rank(List<Long> sorted, double p) {
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private Map<String, long[]> bySecretariatInRegistryOrder() {
    Map<String, long[]> map = new LinkedHashMap<>();
    registry.secretariats().forEach(s -> map.put(s.id(), new long[3]));
    return map;
  }

  private List<String> names(Map<String, long[]> bySecretariat, Locale locale) {
    return bySecretariat.keySet().stream().map(s -> viewer.secretariatName(s, locale)).toList();
  }

  private BarChart.Series series(String key, String colour, Map<String, long[]> figures, Function<long[], Long> value,
      Locale locale) {
    return new BarChart.Series(text(key, locale), colour, figures.values().stream().map(value).toList());
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
