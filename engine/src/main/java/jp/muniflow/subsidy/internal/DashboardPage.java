package jp.muniflow.subsidy.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.muniflow.campaign.LatestCampaignChart;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.PageController;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.subsidy.ApplicationQueries;
import jp.muniflow.subsidy.ApplicationStatus;
import jp.muniflow.subsidy.BudgetQueries;
import jp.muniflow.subsidy.SubsidyApplication;
import jp.muniflow.task.MyTasks;
import jp.muniflow.task.TaskView;
import jp.muniflow.tenants.GroupIds;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.ui.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The secretariat's dashboard: for each municipality in its scope, the open applications, the overdue tasks, and the
 * decided amounts against the cap; and the applications as CSV for Excel (UTF-8 with a byte order mark, so that
 * Excel reads the Japanese correctly).
 */
@PageController
class DashboardPage {

  /** Applications still being worked on: not withdrawn, rejected, lapsed or confirmed. */
  static final Set<ApplicationStatus> OPEN = EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW,
      ApplicationStatus.CORRECTION_REQUESTED, ApplicationStatus.GRANTED, ApplicationStatus.REPORTED);
  static final Set<ApplicationStatus> DECIDED = EnumSet.of(ApplicationStatus.GRANTED, ApplicationStatus.REPORTED,
      ApplicationStatus.CONFIRMED);
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final ApplicationQueries applications;
  private final BudgetQueries budgets;
  private final MyTasks myTasks;
  private final Viewer viewer;
  private final MessageSource messages;
  private final DashboardCharts charts;
  private final Clock clock;
  private final LatestCampaignChart campaigns;

  DashboardPage(ApplicationQueries applications, BudgetQueries budgets, MyTasks myTasks, Viewer viewer,
      MessageSource messages, DashboardCharts charts, Clock clock, LatestCampaignChart campaigns) {
    this.campaigns = campaigns;
    this.charts = charts;
    this.applications = applications;
    this.budgets = budgets;
    this.myTasks = myTasks;
    this.viewer = viewer;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/dashboard")
  String dashboard(@AuthenticationPrincipal MuniFlowUser user, @RequestParam(required = false) Integer fiscalYear,
      Locale locale, Model model) {
    secretariatOnly(user);
    int year = fiscalYear != null ? fiscalYear : JapanTime.currentFiscalYear(clock);
    List<SubsidyApplication> list = applications.list(user, null, year);
    OffsetDateTime now = JapanTime.now(clock);
    List<TaskView> overdue = myTasks.list(user).stream().filter(t -> t.due() != null && t.due().isBefore(now)).toList();
    List<Row> rows = new ArrayList<>();
    for (Municipality m : viewer.municipalitiesInScope(user)) {
      List<SubsidyApplication> own = list.stream().filter(a -> a.tenantId().equals(m.tenantId())).toList();
      long open = own.stream().filter(a -> OPEN.contains(a.status())).count();
      long decided = own.stream().filter(a -> DECIDED.contains(a.status()))
          .mapToLong(a -> a.confirmedAmount() != null ? a.confirmedAmount() : a.grantedAmount() == null ? 0 : a.grantedAmount())
          .sum();
      long late = overdue.stream().filter(t -> m.tenantId().equals(t.tenantId())).count();
      rows.add(new Row(m.tenantId(), viewer.municipalityName(m.tenantId(), locale), open, late, decided,
          budgets.of(m.tenantId(), year).cap()));
    }
    model.addAttribute("fiscalYear", year);
    model.addAttribute("rows", rows);
    model.addAttribute("charts", charts.of(list, rows, locale));
    // the latest published campaign (the GHG emissions table), as its own page draws it: every tenant's figures
    model.addAttribute("campaign", campaigns.latest(locale).orElse(null));
    model.addAttribute("totalOpen", rows.stream().mapToLong(Row::open).sum());
    model.addAttribute("totalOverdue", overdue.size());
    model.addAttribute("totalDecided", rows.stream().mapToLong(Row::decided).sum());
    model.addAttribute("totalCap", rows.stream().mapToLong(Row::cap).sum());
    return "subsidy/dashboard";
  }

  @GetMapping("/dashboard/applications.csv")
  ResponseEntity<byte[]> csv(@AuthenticationPrincipal MuniFlowUser user, @RequestParam(required = false) Integer fiscalYear,
      Locale locale) {
    secretariatOnly(user);
    int year = fiscalYear != null ? fiscalYear : JapanTime.currentFiscalYear(clock);
    StringBuilder csv = new StringBuilder();
    List<String> header = new ArrayList<>();
    for (String column : List.of("id", "municipality-code", "municipality", "fiscal-year", "title", "requested", "granted",
        "confirmed", "status", "submitted-at")) {
      header.add(messages.getMessage("page.csv." + column, null, locale));
    }
    line(csv, header);
    for (SubsidyApplication a : applications.list(user, null, year)) {
      line(csv, List.of(a.id(), a.tenantId(), viewer.municipalityName(a.tenantId(), locale), String.valueOf(a.fiscalYear()),
          a.title(), String.valueOf(a.requestedAmount()), a.grantedAmount() == null ? "" : String.valueOf(a.grantedAmount()),
          a.confirmedAmount() == null ? "" : String.valueOf(a.confirmedAmount()),
          messages.getMessage("status." + a.status().name(), null, a.status().name(), locale),
          a.submittedAt().atZone(JapanTime.ZONE).toLocalDateTime().withNano(0).toString()));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(BOM);
    out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"applications-" + year + ".csv\"")
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(out.toByteArray());
  }

  /** RFC 4180: every field quoted, quotes doubled, lines ended by CRLF. A leading =, +, - or @ is neutralised. */
  private static void line(StringBuilder csv, List<String> fields) {
    List<String> quoted = new ArrayList<>();
    for (String f : fields) {
      String v = f == null ? "" : f;
      if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+")) {
        v = "'" + v;  // a cell Excel would otherwise run as a formula
      }
      quoted.add('"' + v.replace("\"", "\"\"") + '"');
    }
    csv.append(String.join(",", quoted)).append("\r\n");
  }

  private void secretariatOnly(MuniFlowUser user) {
    if (!viewer.isSecretariat(user) && !user.isMemberOf(GroupIds.ADMINS)) {
      throw BusinessRuleException.forbidden("page.dashboard.secretariat-only");
    }
  }

  /** One municipality's line of the dashboard. */
  record Row(String tenantId, String name, long open, long overdue, long decided, long cap) {
  }
}
