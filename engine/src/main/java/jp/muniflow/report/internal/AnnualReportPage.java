package jp.muniflow.report.internal;

import java.time.Clock;
import java.util.Locale;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.PageController;
import jp.muniflow.security.MuniFlowUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The annual report's page: the charts (SVG drawn on the server, each with its table behind a disclosure that works
 * without JavaScript), the three tables, and the PDF and CSV downloads.
 */
@PageController
class AnnualReportPage {

  private final AnnualReports reports;
  private final AnnualCharts charts;
  private final Clock clock;

  AnnualReportPage(AnnualReports reports, AnnualCharts charts, Clock clock) {
    this.reports = reports;
    this.charts = charts;
    this.clock = clock;
  }

  /** The current fiscal year's report, or the year the form asks for. */
  @GetMapping("/reports/annual")
  String current(@RequestParam(required = false) Integer fiscalYear) {
    return "redirect:/reports/annual/" + (fiscalYear != null ? fiscalYear : JapanTime.currentFiscalYear(clock));
  }

  @GetMapping("/reports/annual/{fiscalYear}")
  String annual(@AuthenticationPrincipal MuniFlowUser user, @PathVariable int fiscalYear, Locale locale, Model model) {
    AnnualReport report = reports.of(user, fiscalYear, locale);
    model.addAttribute("report", report);
    model.addAttribute("charts", charts.of(report, locale));
    return "report/annual";
  }
}
