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
import jp.muniflow.platform.Paging;
import jp.muniflow.platform.PageController;
import jp.muniflow.platform.Problems;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.subsidy.ApplicationQueries;
import jp.muniflow.subsidy.ApplicationSearch;
import jp.muniflow.subsidy.ApplicationStatus;
import jp.muniflow.subsidy.BudgetQueries;
import jp.muniflow.subsidy.SubmissionRequest;
import jp.muniflow.subsidy.SubmitApplication;
import jp.muniflow.subsidy.SubsidyApplication;
import jp.muniflow.subsidy.WithdrawApplication;
import jp.muniflow.tenants.GroupIds;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.TenantRegistry;
import jp.muniflow.ui.Pager;
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

  private static final String CAP_EXCEEDED = "subsidy.cap-exceeded";

  private final SubmitApplication submit;
  private final WithdrawApplication withdraw;
  private final ApplicationQueries queries;
  private final BudgetQueries budgets;
  private final NoticeQueries notices;
  private final Viewer viewer;
  private final Problems problems;
  private final ApplicationDocuments documents;
  private final jp.muniflow.attachment.AttachmentProperties limits;
  private final java.time.Clock clock;
  private final jp.muniflow.ui.PageText pageText;
  private final TenantRegistry registry;

  ApplicationPages(SubmitApplication submit, WithdrawApplication withdraw, ApplicationQueries queries,
      BudgetQueries budgets, NoticeQueries notices, Viewer viewer, Problems problems, ApplicationDocuments documents,
      jp.muniflow.attachment.AttachmentProperties limits, java.time.Clock clock, jp.muniflow.ui.PageText pageText,
      TenantRegistry registry) {
    this.registry = registry;
    this.pageText = pageText;
    this.documents = documents;
    this.limits = limits;
    this.submit = submit;
    this.withdraw = withdraw;
    this.queries = queries;
    this.budgets = budgets;
    this.notices = notices;
    this.viewer = viewer;
    this.problems = problems;
    this.clock = clock;
  }

  /**
   * The applications the user may see, searched (number, title, municipality in kanji, kana or English; status; year)
   * and paged, 50 a page, by the same query as the API. Every filter is a parameter of the address (a GET form), so a
   * search can be bookmarked and the back button returns to it.
   */
  @GetMapping
  String list(@AuthenticationPrincipal MuniFlowUser user, @RequestParam(required = false) ApplicationStatus status,
      @RequestParam(required = false) Integer fiscalYear, @RequestParam(required = false) String q,
      @RequestParam(required = false) String municipality, @RequestParam(required = false) String sort,
      @RequestParam(required = false) Integer page, Locale locale, Model model) {
    ApplicationSearch search = new ApplicationSearch(q, municipality, status, fiscalYear, sort);
    Paging.Result<SubsidyApplication> found = queries.search(user, search, Paging.of(page, null));
    List<SubsidyApplication> list = found.items();
    Map<String, String> names = new LinkedHashMap<>();
    list.forEach(a -> names.computeIfAbsent(a.tenantId(), t -> viewer.municipalityName(t, locale)));
    model.addAttribute("applications", list);
    model.addAttribute("names", names);
    model.addAttribute("pager", Pager.of(found));
    model.addAttribute("statuses", ApplicationStatus.values());
    model.addAttribute("sorts", ApplicationSearch.SORTS);
    model.addAttribute("search", search);
    // a choice of municipality only for those who see more than their own
    model.addAttribute("municipalities", user.tenantIds().size() > 1 || user.isMemberOf(GroupIds.ADMINS)
        ? registry.municipalities().stream().filter(m -> user.isMemberOf(GroupIds.ADMINS) || user.canSeeTenant(m.tenantId()))
            .map(m -> Map.entry(m.tenantId(), viewer.municipalityName(m.tenantId(), locale))).toList()
        : List.of());
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
    return showForm(user, m, year, values, Map.of(), null, model);
  }

  /**
   * Stages the files chosen in the form (without a script, the form's 添付する button; with it, each file input as
   * soon as files are chosen) and shows the form again with what was typed.
   */
  @PostMapping("/new/documents")
  String stage(@AuthenticationPrincipal MuniFlowUser user, @RequestParam Map<String, String> form,
      jakarta.servlet.http.HttpServletRequest request, Model model) {
    Municipality m = staffMunicipality(user);
    int year = formYear(form);
    Map<String, String> errors = stageFiles(user, m, year, request);
    return showForm(user, m, year, form, errors, errors.isEmpty() ? null : problems.message("page.documents.refused"), model);
  }

  @PostMapping("/new/documents/{draftId}/remove")
  String unstage(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String draftId,
      @RequestParam Map<String, String> form, Model model) {
    Municipality m = staffMunicipality(user);
    documents.unstageForNew(user, m.tenantId(), draftId);
    return showForm(user, m, formYear(form), form, Map.of(), null, model);
  }

  private Map<String, String> stageFiles(MuniFlowUser user, Municipality m, int year,
      jakarta.servlet.http.HttpServletRequest request) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (request instanceof org.springframework.web.multipart.MultipartHttpServletRequest multipart) {
      documents.stageForNew(user, m.tenantId(), year, DocumentController.uploads(multipart))
          .forEach(p -> errors.merge(p.field(), problems.message(p.messageKey(), p.args()), (x, y) -> x + " " + y));
    }
    return errors;
  }

  private int formYear(Map<String, String> form) {
    try {
      return Integer.parseInt(form.getOrDefault("fiscalYear", "").strip());
    } catch (NumberFormatException e) {
      return currentFiscalYear();
    }
  }

  @PostMapping
  String create(@AuthenticationPrincipal MuniFlowUser user, @RequestParam Map<String, String> form, Model model,
      jakarta.servlet.http.HttpServletRequest request, RedirectAttributes redirect) {
    Municipality m = staffMunicipality(user);
    Map<String, String> errors = new LinkedHashMap<>();
    // the files chosen with the form are staged first, so that a refused submission keeps them for the next try
    Map<String, String> refused = stageFiles(user, m, formYear(form), request);
    if (!refused.isEmpty()) {
      return showForm(user, m, formYear(form), form, refused, problems.message("page.documents.refused"), model);
    }
    Integer year = parseInt(form.get("fiscalYear"), "fiscalYear", errors);
    BigDecimal amount = parseDecimal(form.get("requestedAmount"), "requestedAmount", errors);
    LocalDate start = parseDate(form.get("plannedStart"), "plannedStart", errors);
    LocalDate end = parseDate(form.get("plannedEnd"), "plannedEnd", errors);
    int shownYear = year != null ? year : currentFiscalYear();
    if (!errors.isEmpty()) {
      capAtAmount(m, year, amount, errors);
      return showForm(user, m, shownYear, form, errors, problems.message("problem.validation.detail"), model);
    }
    try {
      SubsidyApplication a = submit.submit(user, new SubmissionRequest(year, form.get("title"), form.get("description"),
          amount, start, end));
      redirect.addFlashAttribute("flash", problems.message("page.application.created", a.id()));
      return "redirect:/applications/" + a.id();
    } catch (InvalidInputException e) {
      e.problems().forEach(p -> errors.merge(p.field(), problems.message(p.messageKey(), p.args()), (x, y) -> x + " " + y));
      capAtAmount(m, year, amount, errors);
      return showForm(user, m, shownYear, form, errors, problems.message("problem.validation.detail"), model);
    } catch (BusinessRuleException e) {
      String message = problems.message(e.messageKey(), e.args());
      if (CAP_EXCEEDED.equals(e.messageKey())) {
        Object[] a = e.args();
        message = capExceeded(a[0], a[1], year, a[3]);
        errors.put("requestedAmount", message);
      }
      return showForm(user, m, shownYear, form, errors, message, model);
    }
  }

  /**
   * The remaining cap checked together with the field rules, so that one round shows every problem, the cap's at
   * the amount with the remaining amount. A read without the lock: the submission itself checks again under it.
   */
  private void capAtAmount(Municipality m, Integer year, BigDecimal amount, Map<String, String> errors) {
    if (year == null || amount == null || errors.containsKey("requestedAmount") || amount.signum() <= 0) {
      return;
    }
    BudgetQueries.BudgetView budget = budgets.of(m.tenantId(), year);
    if (budget.open() && amount.compareTo(BigDecimal.valueOf(budget.remaining())) > 0) {
      errors.put("requestedAmount", capExceeded(Yen.format(amount.longValue()), Yen.format(budget.remaining()), year,
          Yen.format(budget.cap())));
    }
  }

  /** The API's cap message with the year as the pages write it (令和8年度; FY2026 (令和8年度) in English). */
  private String capExceeded(Object amount, Object remaining, int year, Object cap) {
    return problems.message("page.budget.exceeded", amount, remaining, pageText.fiscalYear(year), cap);
  }

  @GetMapping("/{id}")
  String detail(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id, Locale locale, Model model) {
    SubsidyApplication a = queries.get(user, id);
    model.addAttribute("subsidy", a);
    model.addAttribute("municipalityName", viewer.municipalityName(a.tenantId(), locale));
    model.addAttribute("reviewing", viewer.secretariatName(a.reviewingSecretariat(), locale));
    model.addAttribute("deciding", viewer.secretariatName(a.decidingSecretariat(), locale));
    var steps = queries.currentSteps(a);
    var issued = notices.about(user, a.id());
    model.addAttribute("currentSteps", steps);
    model.addAttribute("history", queries.history(a));
    model.addAttribute("notices", issued);
    model.addAttribute("receiving", Receipt.inProgress(a.status(), !steps.isEmpty(), !issued.isEmpty()));
    Map<String, String> labels = documents.labels(a, locale);
    model.addAttribute("documents", documents.visible(user, a).stream().map(d -> documents.view(user, a, d, labels)).toList());
    model.addAttribute("mayWithdraw", a.status().isUndecided() && user.isMemberOf(jp.muniflow.tenants.GroupIds.staff(a.tenantId())));
    return "subsidy/detail";
  }

  /** The application on A4 paper for the office's paper file: what the detail page shows, without its forms. */
  @GetMapping("/{id}/print")
  String print(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id, Locale locale, Model model) {
    detail(user, id, locale, model);
    model.addAttribute("printedAt", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .format(JapanTime.now(clock)));
    return "subsidy/print";
  }

  /**
   * Withdraws only when the form's confirmation (「取下げ受理通知が発行されることを確認しました」) was ticked: the
   * withdrawal cannot be undone and issues an official notice, so a click alone, or a post made without the page,
   * changes nothing. The box is checked here, not only by the browser's {@code required}.
   */
  @PostMapping("/{id}/withdraw")
  String withdraw(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id,
      @RequestParam(required = false) String confirmed, RedirectAttributes redirect) {
    if (!"yes".equals(confirmed)) {
      queries.get(user, id); // an application the user may not see stays "not found", confirmed or not
      redirect.addFlashAttribute("flashError", problems.message("page.application.withdraw.unconfirmed"));
      return "redirect:/applications/" + id;
    }
    try {
      withdraw.withdraw(user, id);
      redirect.addFlashAttribute("flash", problems.message("page.application.withdrawn"));
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError", problems.message(e.messageKey(), e.args()));
    }
    return "redirect:/applications/" + id;
  }

  private String showForm(MuniFlowUser user, Municipality m, int year, Map<String, String> values,
      Map<String, String> errors, String error, Model model) {
    model.addAttribute("documentSection", DocumentSections.section("/applications/new/documents",
        "/applications/new/documents/{id}/remove", documents.forNewApplication(year), documents.stagedForNew(user, m.tenantId()),
        errors, org.springframework.context.i18n.LocaleContextHolder.getLocale(), limits, true));
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
