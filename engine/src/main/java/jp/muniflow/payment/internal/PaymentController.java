package jp.muniflow.payment.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import jp.muniflow.payment.BankAccount;
import jp.muniflow.payment.Payment;
import jp.muniflow.payment.PaymentKind;
import jp.muniflow.payment.PaymentStatus;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.tenants.GroupIds;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payments: the list and one payment, an advance's request, the municipalities' bank accounts, and the paying
 * secretariat's transfer file (全銀 or CSV) and marking of a batch paid.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "支払 Payments")
class PaymentController {

  private final PaymentStore store;
  private final PaymentAccess access;
  private final AdvancePayments advances;
  private final BankAccounts accounts;
  private final TransferBatches batches;

  PaymentController(PaymentStore store, PaymentAccess access, AdvancePayments advances, BankAccounts accounts,
      TransferBatches batches) {
    this.store = store;
    this.access = access;
    this.advances = advances;
    this.accounts = accounts;
    this.batches = batches;
  }

  @GetMapping("/payments")
  @Operation(summary = "支払の一覧 / the payments you may see")
  List<View> list(@AuthenticationPrincipal MuniFlowUser user, @RequestParam(required = false) Integer fiscalYear,
      @RequestParam(required = false) PaymentStatus status, @RequestParam(required = false) String applicationId) {
    List<Payment> payments = applicationId != null ? store.ofApplication(applicationId)
        : store.list(user.isMemberOf(GroupIds.ADMINS) ? null : user.tenantIds(), fiscalYear, status);
    return payments.stream().filter(p -> access.canSee(user, p))
        .filter(p -> fiscalYear == null || p.fiscalYear() == fiscalYear)
        .filter(p -> status == null || p.status() == status)
        .map(p -> view(user, p)).toList();
  }

  @GetMapping("/payments/{id}")
  @Operation(summary = "支払 / one payment")
  View get(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id) {
    Payment p = store.find(id).orElseThrow(() -> new NotFoundException("payment.not-found"));
    if (!access.canSee(user, p)) {
      throw NotFoundException.hidden(p.tenantId(), "payment.not-found");
    }
    return view(user, p);
  }

  @PostMapping("/subsidy-applications/{id}/advance-payment")
  @Operation(summary = "概算払を求める / ask for an advance payment",
      description = "Staff of the municipality; the application granted, its year's grant rules allowing advances, at "
          + "most the granted amount, once. Opens a payment whose 交付請求 staff then submit as a task.")
  ResponseEntity<View> advance(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id,
      @RequestBody AdvanceRequest request) {
    Payment p = advances.request(user, id, request.amount());
    return ResponseEntity.created(URI.create("/api/payments/" + p.id())).body(view(user, p));
  }

  @GetMapping("/bank-accounts/{tenantId}")
  @Operation(summary = "振込先口座 / a municipality's bank account",
      description = "Its staff and the secretariats that pay it; number and holder masked except for the paying "
          + "secretariat's managers.")
  BankAccounts.View account(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String tenantId) {
    return accounts.read(user, tenantId);
  }

  @PutMapping("/bank-accounts/{tenantId}")
  @Operation(summary = "振込先口座を登録する / register or replace the municipality's bank account",
      description = "Staff of the municipality. 400 names each wrong field: codes' lengths, 預金種目, and the "
          + "half-width kana the banks accept.")
  BankAccounts.View saveAccount(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String tenantId,
      @RequestBody BankAccountRules.BankAccountInput input) {
    return accounts.save(user, tenantId, input);
  }

  @GetMapping("/payments/transfers/{secretariat}/{date}/zengin")
  @Operation(summary = "総合振込ファイル / the 全銀協 transfer file of a date",
      description = "The secretariat's managers. 120-byte Shift_JIS records with CR LF: header, data, trailer, end.")
  ResponseEntity<byte[]> zengin(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String secretariat,
      @PathVariable LocalDate date) {
    return download(batches.zengin(user, secretariat, date), MediaType.parseMediaType("text/plain;charset=Shift_JIS"),
        "sogofurikomi-" + secretariat + "-" + date + ".txt");
  }

  @GetMapping("/payments/transfers/{secretariat}/{date}/csv")
  @Operation(summary = "振込一覧 CSV / the same payments as CSV (UTF-8 with BOM)")
  ResponseEntity<byte[]> csv(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String secretariat,
      @PathVariable LocalDate date) {
    return download(batches.csv(user, secretariat, date), MediaType.parseMediaType("text/csv;charset=UTF-8"),
        "furikomi-" + secretariat + "-" + date + ".csv");
  }

  @PostMapping("/payments/transfers/{secretariat}/{date}/paid")
  @Operation(summary = "振込済みにする / mark the batch of a date paid",
      description = "Each approved payment of the date becomes paid once and gets its 支払通知書; a second call pays nothing.")
  TransferBatches.Marked markPaid(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String secretariat,
      @PathVariable LocalDate date) {
    return batches.markPaid(user, secretariat, date);
  }

  private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .body(body);
  }

  private View view(MuniFlowUser user, Payment p) {
    BankAccount account = p.account() == null ? null
        : access.isManagerOf(user, p.payingSecretariat()) && user.canSeeTenant(p.tenantId()) ? p.account()
        : p.account().masked();
    return new View(p.id(), p.applicationId(), p.tenantId(), p.fiscalYear(), p.kind(), p.amount(), p.status(),
        p.payingSecretariat(), account, p.transferDate(), p.paidOn(), p.refundDue(), p.batchId());
  }

  record AdvanceRequest(BigDecimal amount) {
  }

  record View(String id, String applicationId, String tenantId, int fiscalYear, PaymentKind kind, long amount,
      PaymentStatus status, String payingSecretariat, BankAccount account, LocalDate transferDate, LocalDate paidOn,
      LocalDate refundDue, String batchId) {
  }
}
