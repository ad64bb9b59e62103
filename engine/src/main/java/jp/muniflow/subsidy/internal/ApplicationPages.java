package jp.muniflow.subsidy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.muniflow.notice.NoticeQueries;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.PageController;
import jp.muniflow.platform.Problems;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.subsidy.ApplicationQueries;
import jp.muniflow.subsidy.ApplicationStatus;
import jp.muniflow.subsidy.BudgetQueries;
import jp.muniflow.subsidy.SubmissionRequest;
import jp.muniflow.subsidy.SubmitApplication;
import jp.muniflow.subsidy.SubsidyApplication;
import jp.muniflow.subsidy.WithdrawApplication;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.ui.Viewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 申請: the list of the applications the user may see, the new application form with the municipality's remaining
 * cap, one application with its current step, timeline and notices, and the withdrawal. The same services as the
 * API ({@code /api/subsidy-applications}), so page and API answer alike.
 */
@PageController
@RequestMapping("/applications")
class ApplicationPages {

  private final SubmitApplication submit;
  private final WithdrawApplication withdraw;
  private final ApplicationQueries queries;
  private final BudgetQueries budgets;
  private final NoticeQueries notices;
  private final Viewer viewer;
  private final Problems problems;
  private final java.time.Clock clock;

  ApplicationPages(SubmitApplication submit, WithdrawApplication withdraw, ApplicationQueries queries,
      BudgetQueries budgets, NoticeQueries notices, Viewer viewer, Problems problems, java.time.Clock clock) {
    this.submit = submit;
    this.withdraw = withdraw;
    this.queries = queries;
    this.budgets = budgets;
    this.notices = notices;
    this.viewer = viewer;
    this.problems = problems;
    this.clock = clock;
  }

  @GetMapping
  String list(@AuthenticationPrincipal MuniFlowUser user, @RequestParam(required = false) ApplicationStatus status,
      @RequestParam(required = false) Integer fiscalYear, Locale locale, Model model) {
    List<SubsidyApplication> list = queries.list(user, status, fiscalYear);
    Map<String, String> names = new LinkedHashMap<>();
    list.forEach(a -> names.computeIfAbsent(a.tenantId(), t -> viewer.municipalityName(t, locale)));
    model.addAttribute("applications", list);
    model.addAttribute("names", names);
    model.addAttribute("statuses", ApplicationStatus.values());
    model.addAttribute("status", status);
    model.addAttribute("fiscalYear", fiscalYear);
    return "subsidy/list";
  }

  @GetMapping("/new")
  String form(@AuthenticationPrincipal MuniFlowUser user, @RequestParam(required = false) Integer fiscalYear,
      Model model) {
    Municipality m = staffMunicipality(user);
    int year = fiscalYear != null ? fiscalYear : currentFiscalYear();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("fiscalYear", String.valueOf(year));
    return showForm(m, year, values, Map.of(), null, model);
  }

  @PostMapping
  String create(@AuthenticationPrincipal MuniFlowUser user, @RequestParam Map<String, String> form, Model model,
      RedirectAttributes redirect) {
    Municipality m = staffMunicipality(user);
    Map<String, String> errors = new LinkedHashMap<>();
    Integer year = parseInt(form.get("fiscalYear"), "fiscalYear", errors);
    BigDecimal amount = parseDecimal(form.get("requestedAmount"), "requestedAmount", errors);
    LocalDate start = parseDate(form.get("plannedStart"), "plannedStart", errors);
    LocalDate end = parseDate(form.get("plannedEnd"), "plannedEnd", errors);
    int shownYear = year != null ? year : currentFiscalYear();
    if (!errors.isEmpty()) {
      return showForm(m, shownYear, form, errors, problems.message("problem.validation.detail"), model);
    }
    try {
      SubsidyApplication a = submit.submit(user, new SubmissionRequest(year, form.get("title"), form.get("description"),
          amount, start, end));
      redirect.addFlashAttribute("flash", problems.message("page.application.created", a.id()));
      return "redirect:/applications/" + a.id();
    } catch (InvalidInputException e) {
      e.problems().forEach(p -> errors.merge(p.field(), problems.message(p.messageKey(), p.args()), (x, y) -> x + " " + y));
      return showForm(m, shownYear, form, errors, problems.message("problem.validation.detail"), model);
    } catch (BusinessRuleException e) {
      return showForm(m, shownYear, form, errors, problems.message(e.messageKey(), e.args()), model);
    }
  }

  @GetMapping("/{id}")
  String detail(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id, Locale locale, Model model) {
    SubsidyApplication a = queries.get(user, id);
    model.addAttribute("subsidy", a);
    model.addAttribute("municipalityName", viewer.municipalityName(a.tenantId(), locale));
    model.addAttribute("reviewing", viewer.secretariatName(a.reviewingSecretariat(), locale));
    model.addAttribute("deciding", viewer.secretariatName(a.decidingSecretariat(), locale));
    model.addAttribute("currentSteps", queries.currentSteps(a));
    model.addAttribute("history", queries.history(a));
    model.addAttribute("notices", notices.about(user, a.id()));
    model.addAttribute("mayWithdraw", a.status().isUndecided() && user.isMemberOf(jp.muniflow.tenants.GroupIds.staff(a.tenantId())));
    return "subsidy/detail";
  }

  @PostMapping("/{id}/withdraw")
  String withdraw(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id, RedirectAttributes redirect) {
    try {
      withdraw.withdraw(user, id);
      redirect.addFlashAttribute("flash", problems.message("page.application.withdrawn"));
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError", problems.message(e.messageKey(), e.args()));
    }
    return "redirect:/applications/" + id;
  }

  private String showForm(Municipality m, int year, Map<String, String> values, Map<String, String> errors, String error,
      Model model) {
    model.addAttribute("budget", budgets.of(m.tenantId(), year));
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("error", error);
    return "subsidy/new";
  }

  private Municipality staffMunicipality(MuniFlowUser user) {
    return viewer.municipality(user).orElseThrow(() -> BusinessRuleException.forbidden("subsidy.staff-only"));
  }

  private int currentFiscalYear() {
    return JapanTime.currentFiscalYear(clock);
  }

  private Integer parseInt(String value, String field, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      errors.put(field, problems.message("input.fiscal-year.range"));
      return null;
    }
  }

  private BigDecimal parseDecimal(String value, String field, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.strip().replace(",", ""));
    } catch (NumberFormatException e) {
      errors.put(field, problems.message("input.number.format"));
      return null;
    }
  }

  private LocalDate parseDate(String value, String field, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.put(field, problems.message("input.date.format"));
      return null;
    }
  }
}
