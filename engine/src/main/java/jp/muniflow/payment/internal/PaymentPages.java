package jp.muniflow.payment.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.muniflow.notice.NoticeQueries;
import jp.muniflow.payment.BankAccount;
import jp.muniflow.payment.Payment;
import jp.muniflow.payment.PaymentStatus;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.platform.PageController;
import jp.muniflow.platform.Problems;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.tenants.GroupIds;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.ui.PageText;
import jp.muniflow.ui.Viewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 支払の画面: the payments the user may see (filtered by status, year and transfer date) and one payment with its
 * notices; the municipality's bank account (masked, and its form); for the paying secretariat's managers the transfer
 * dates with their totals, one date's batch with its files and "振込済みにする". The same services as the API
 * ({@code /api/payments}, {@code /api/bank-accounts}), so page and API answer alike.
 */
@PageController
@RequestMapping("/payments")
class PaymentPages {

  static final List<String> ACCOUNT_FIELDS = List.of("bankCode", "bankNameKana", "branchCode", "branchNameKana",
      "accountType", "accountNumber", "holderKana");

  private final PaymentStore store;
  private final PaymentAccess access;
  private final BankAccounts accounts;
  private final TransferBatches batches;
  private final NoticeQueries notices;
  private final Viewer viewer;
  private final PageText pageText;
  private final Problems problems;

  PaymentPages(PaymentStore store, PaymentAccess access, BankAccounts accounts, TransferBatches batches,
      NoticeQueries notices, Viewer viewer, PageText pageText, Problems problems) {
    this.store = store;
    this.access = access;
    this.accounts = accounts;
    this.batches = batches;
    this.notices = notices;
    this.viewer = viewer;
    this.pageText = pageText;
    this.problems = problems;
  }

  @GetMapping
  String list(@AuthenticationPrincipal MuniFlowUser user, @RequestParam(required = false) PaymentStatus status,
      @RequestParam(required = false) Integer fiscalYear,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate transferDate,
      Locale locale, Model model) {
    List<Payment> payments = store.list(user.isMemberOf(GroupIds.ADMINS) ? null : user.tenantIds(), fiscalYear, status)
        .stream().filter(p -> access.canSee(user, p))
        .filter(p -> transferDate == null || transferDate.equals(p.transferDate())).toList();
    Map<String, String> names = new LinkedHashMap<>();
    payments.forEach(p -> names.computeIfAbsent(p.tenantId(), t -> viewer.municipalityName(t, locale)));
    model.addAttribute("payments", payments);
    model.addAttribute("names", names);
    model.addAttribute("statuses", PaymentStatus.values());
    model.addAttribute("status", status);
    model.addAttribute("fiscalYear", fiscalYear);
    model.addAttribute("transferDate", transferDate);
    model.addAttribute("english", isEnglish(locale));
    return "payment/list";
  }

  @GetMapping("/{id}")
  String detail(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id, Locale locale, Model model) {
    Payment p = store.find(id).orElseThrow(() -> new NotFoundException("payment.not-found"));
    if (!access.canSee(user, p)) {
      throw NotFoundException.hidden(p.tenantId(), "payment.not-found");
    }
    boolean whole = access.isManagerOf(user, p.payingSecretariat()) && user.canSeeTenant(p.tenantId());
    BankAccount account = p.account() == null ? null : whole ? p.account() : p.account().masked();
    model.addAttribute("payment", p);
    model.addAttribute("municipalityName", viewer.municipalityName(p.tenantId(), locale));
    model.addAttribute("paying", viewer.secretariatName(p.payingSecretariat(), locale));
    model.addAttribute("accountLabel", account == null ? null : accountLabel(account, locale, whole));
    model.addAttribute("english", isEnglish(locale));
    model.addAttribute("notices", notices.about(user, p.id()));
    return "payment/detail";
  }

  /** The staff's own municipality's account: shown masked, as everyone but the paying managers sees it, and its form. */
  @GetMapping("/account")
  String account(@AuthenticationPrincipal MuniFlowUser user, Locale locale, Model model) {
    Municipality m = staffMunicipality(user);
    BankAccounts.View current = current(user, m);
    Map<String, String> values = new LinkedHashMap<>();
    if (current != null) {
      // the number and the holder are typed again: staff see them masked like everyone but the paying managers
      BankAccount a = current.account();
      values.put("bankCode", a.bankCode());
      values.put("bankNameKana", a.bankNameKana());
      values.put("branchCode", a.branchCode());
      values.put("branchNameKana", a.branchNameKana());
      values.put("accountType", a.accountType().name());
    } else {
      values.put("accountType", BankAccount.AccountType.ORDINARY.name());
    }
    return showAccount(m, current, values, Map.of(), null, locale, model);
  }

  @PostMapping("/account")
  String saveAccount(@AuthenticationPrincipal MuniFlowUser user, @RequestParam Map<String, String> form, Locale locale,
      Model model, RedirectAttributes redirect) {
    Municipality m = staffMunicipality(user);
    try {
      accounts.save(user, m.tenantId(), new BankAccountRules.BankAccountInput(form.get("bankCode"),
          form.get("bankNameKana"), form.get("branchCode"), form.get("branchNameKana"), form.get("accountType"),
          form.get("accountNumber"), form.get("holderKana")));
      redirect.addFlashAttribute("flash", problems.message("page.account.saved"));
      return "redirect:/payments/account";
    } catch (InvalidInputException e) {
      Map<String, String> errors = new LinkedHashMap<>();
      e.problems().forEach(p -> errors.merge(p.field(), problems.message(p.messageKey(), p.args()), (x, y) -> x + " " + y));
      return showAccount(m, current(user, m), form, errors, problems.message("problem.validation.detail"), locale, model);
    }
  }

  /** The paying secretariat's transfer dates with the totals of each batch, newest first. */
  @GetMapping("/transfers")
  String transfers(@AuthenticationPrincipal MuniFlowUser user, Locale locale, Model model) {
    List<String> managed = managedSecretariats(user);
    if (managed.isEmpty()) {
      throw BusinessRuleException.forbidden("payment.managers-only");
    }
    Map<String, String> names = new LinkedHashMap<>();
    managed.forEach(s -> names.put(s, viewer.secretariatName(s, locale)));
    model.addAttribute("days", store.transferDays(managed));
    model.addAttribute("secretariatNames", names);
    return "payment/transfers";
  }

  /** One date's batch: its payments with the accounts whole (the managers'), the totals, the files and the marking. */
  @GetMapping("/transfers/{secretariat}/{date}")
  String batch(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String secretariat,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Locale locale, Model model) {
    List<Payment> payments = batches.ofDate(user, secretariat, date);
    Map<String, String> names = new LinkedHashMap<>();
    payments.forEach(p -> names.computeIfAbsent(p.tenantId(), t -> viewer.municipalityName(t, locale)));
    Map<String, String> labels = new LinkedHashMap<>();
    payments.forEach(p -> labels.put(p.id(), p.account() == null ? "" : accountLabel(p.account(), locale, true)));
    List<Payment> approved = payments.stream().filter(p -> p.status() == PaymentStatus.APPROVED).toList();
    model.addAttribute("secretariat", secretariat);
    model.addAttribute("secretariatName", viewer.secretariatName(secretariat, locale));
    model.addAttribute("date", date);
    model.addAttribute("payments", payments);
    model.addAttribute("names", names);
    model.addAttribute("accountLabels", labels);
    model.addAttribute("english", isEnglish(locale));
    model.addAttribute("approvedCount", approved.size());
    model.addAttribute("approvedTotalText", pageText.yen(approved.stream().mapToLong(Payment::amount).sum()));
    model.addAttribute("total", payments.stream().mapToLong(Payment::amount).sum());
    return "payment/batch";
  }

  /**
   * Marks the date's batch paid only when the form's box (「振込が済んだことを確認しました」) was ticked: each payment
   * becomes paid and its 支払通知書 is issued, which cannot be undone. The box is checked here, not only by the browser.
   */
  @PostMapping("/transfers/{secretariat}/{date}/paid")
  String markPaid(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String secretariat,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) String confirmed, RedirectAttributes redirect) {
    String back = "redirect:/payments/transfers/" + secretariat + "/" + date;
    if (!"yes".equals(confirmed)) {
      batches.ofDate(user, secretariat, date); // someone who may not see the batch gets "not found", confirmed or not
      redirect.addFlashAttribute("flashError", problems.message("page.transfer.unconfirmed"));
      return back;
    }
    TransferBatches.Marked marked = batches.markPaid(user, secretariat, date);
    redirect.addFlashAttribute("flash", marked.paid().isEmpty() ? problems.message("page.transfer.nothing-to-mark")
        : problems.message("page.transfer.marked", marked.paid().size(), pageText.yen(marked.total()), marked.batchId()));
    return back;
  }

  private String showAccount(Municipality m, BankAccounts.View current, Map<String, String> values,
      Map<String, String> errors, String error, Locale locale, Model model) {
    model.addAttribute("municipalityName", isEnglish(locale) ? m.nameEn() : m.name());
    model.addAttribute("current", current == null ? null : current.account());
    model.addAttribute("currentLabel", current == null ? null : accountLabel(current.account(), locale, false));
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("error", error);
    model.addAttribute("fields", ACCOUNT_FIELDS);
    model.addAttribute("accountTypes", BankAccount.AccountType.values());
    model.addAttribute("english", isEnglish(locale));
    return "payment/account";
  }

  private BankAccounts.View current(MuniFlowUser user, Municipality m) {
    try {
      return accounts.read(user, m.tenantId());
    } catch (NotFoundException e) {
      return null;
    }
  }

  private Municipality staffMunicipality(MuniFlowUser user) {
    return viewer.municipality(user).orElseThrow(() -> BusinessRuleException.forbidden("payment.account.staff-only"));
  }

  private List<String> managedSecretariats(MuniFlowUser user) {
    return viewer.secretariats(user).stream().map(s -> s.id()).filter(s -> access.isManagerOf(user, s)).toList();
  }

  private static String accountLabel(BankAccount a, Locale locale, boolean whole) {
    boolean english = isEnglish(locale);
    return PaymentNoticeValues.label(a, english, whole) + (english ? ", " : "　") + a.holderKana();
  }

  static boolean isEnglish(Locale locale) {
    return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
  }
}
