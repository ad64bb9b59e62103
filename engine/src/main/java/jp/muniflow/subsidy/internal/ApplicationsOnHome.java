package jp.muniflow.subsidy.internal;

import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.subsidy.ApplicationQueries;
import jp.muniflow.subsidy.ApplicationStatus;
import jp.muniflow.subsidy.BudgetQueries;
import jp.muniflow.subsidy.SubsidyApplication;
import jp.muniflow.ui.HomeSection;
import jp.muniflow.ui.Viewer;
import org.springframework.stereotype.Component;

/**
 * The home page's applications of the current fiscal year by status (each a link to the list so filtered) and, for
 * a municipality's staff, their remaining cap. Nothing for users who see no applications (administrators of flows
 * only).
 */
@Component
class ApplicationsOnHome implements HomeSection {

  private final ApplicationQueries queries;
  private final BudgetQueries budgets;
  private final Viewer viewer;
  private final Clock clock;

  ApplicationsOnHome(ApplicationQueries queries, BudgetQueries budgets, Viewer viewer, Clock clock) {
    this.queries = queries;
    this.budgets = budgets;
    this.viewer = viewer;
    this.clock = clock;
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public Optional<Shown> shownTo(MuniFlowUser user, Locale locale) {
    var municipality = viewer.municipality(user);
    if (municipality.isEmpty() && !viewer.isSecretariat(user)) {
      return Optional.empty();
    }
    int year = JapanTime.currentFiscalYear(clock);
    Map<ApplicationStatus, Long> byStatus = new EnumMap<>(ApplicationStatus.class);
    for (SubsidyApplication a : queries.list(user, null, year)) {
      byStatus.merge(a.status(), 1L, Long::sum);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("fiscalYear", year);
    values.put("byStatus", byStatus);
    values.put("total", byStatus.values().stream().mapToLong(Long::longValue).sum());
    values.put("budget", municipality.map(m -> budgets.of(m.tenantId(), year)).orElse(null));
    return Optional.of(new Shown("subsidy/home", values));
  }
}
