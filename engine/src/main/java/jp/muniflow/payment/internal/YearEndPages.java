package jp.muniflow.payment.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.JapaneseCalendar;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.platform.PageController;
import jp.muniflow.platform.Problems;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.ui.PageText;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 年度末の画面: what is still open in a fiscal year, counted per municipality and per secretariat (one row each, so
 * that a year of a thousand applications stays one screen), one municipality's open items a page at a time, and the
 * coordinator's close with its confirmation; a refusal lists the open payments. The API's service
 * ({@code /api/fiscal-years}), so page and API answer alike.
 */
@PageController
@RequestMapping("/year-end")
class YearEndPages {

  static final int PAGE_SIZE = 50;

  private final YearEnd yearEnd;
  private final Problems problems;
  private final PageText pageText;
  private final Clock clock;

  YearEndPages(YearEnd yearEnd, Problems problems, PageText pageText, Clock clock) {
    this.yearEnd = yearEnd;
    this.problems = problems;
    this.pageText = pageText;
    this.clock = clock;
  }

  @GetMapping
  String overview(@AuthenticationPrincipal MuniFlowUser user, @RequestParam(required = false) Integer fiscalYear,
      @RequestParam(required = false) String municipality, @RequestParam(defaultValue = "1") int page, Locale locale,
      Model model) {
    int year = fiscalYear != null ? fiscalYear : JapanTime.currentFiscalYear(clock);
    model.addAttribute("fiscalYear", year);
    model.addAttribute("yearName", pageText.fiscalYear(year));
    model.addAttribute("english", PaymentPages.isEnglish(locale));
    YearEnd.Overview overview;
    try {
      overview = yearEnd.overview(user, year);
    } catch (NotFoundException e) {
      model.addAttribute("notOpen", problems.message("page.year-end.not-open", pageText.fiscalYear(year)));
      return "payment/year-end";
    }
    model.addAttribute("overview", overview);
    if (overview.closingDate() != null) {
      // on the pages as on the notices: the date in the era, with the western date beside it in English
      String era = JapaneseCalendar.format(overview.closingDate());
      model.addAttribute("closingDate", PaymentPages.isEnglish(locale) ? overview.closingDate() + " (" + era + ")" : era);
    }
    model.addAttribute("openApplications", overview.municipalities().stream().mapToInt(m -> m.applications().size()).sum());
    model.addAttribute("openPayments", overview.municipalities().stream().mapToInt(m -> m.payments().size()).sum());
    overview.municipalities().stream().filter(m -> m.tenantId().equals(municipality)).findFirst().ifPresent(m -> {
      int pages = Math.max(1, (m.applications().size() + PAGE_SIZE - 1) / PAGE_SIZE);
      int shown = Math.min(Math.max(page, 1), pages);
      List<YearEnd.OpenApplication> slice = m.applications().subList((shown - 1) * PAGE_SIZE,
          Math.min(shown * PAGE_SIZE, m.applications().size()));
      model.addAttribute("selected", m);
      model.addAttribute("selectedApplications", slice);
      model.addAttribute("page", shown);
      model.addAttribute("pages", pages);
    });
    boolean mayClose = yearEnd.mayClose(user) && overview.closed() == null;
    model.addAttribute("mayClose", mayClose);
    if (mayClose) {
      model.addAttribute("blockingPayments", yearEnd.openPaymentsOfYear(user, year));
    }
    return "payment/year-end";
  }

  /**
   * Closes the year only when the form's box was ticked: the close cannot be undone. A refusal shows the open
   * payments that stand in its way, each with its municipality, amount and status.
   */
  @PostMapping("/{fiscalYear}/close")
  String close(@AuthenticationPrincipal MuniFlowUser user, @PathVariable int fiscalYear,
      @RequestParam(required = false) String confirmed, RedirectAttributes redirect) {
    String back = "redirect:/year-end?fiscalYear=" + fiscalYear;
    if (!"yes".equals(confirmed)) {
      redirect.addFlashAttribute("flashError", problems.message("page.year-end.unconfirmed"));
      return back;
    }
    try {
      yearEnd.close(user, fiscalYear);
      redirect.addFlashAttribute("flash", problems.message("page.year-end.closed", pageText.fiscalYear(fiscalYear)));
    } catch (BusinessRuleException e) {
      Object open = e.properties().get("openPayments");
      if (open instanceof List<?> list) {
        redirect.addFlashAttribute("flashError", problems.message("page.year-end.refused",
            pageText.fiscalYear(fiscalYear), list.size()));
        redirect.addFlashAttribute("refusedPayments", list);
      } else {
        redirect.addFlashAttribute("flashError", problems.message(e.messageKey(), e.args()));
      }
    }
    return back;
  }
}
