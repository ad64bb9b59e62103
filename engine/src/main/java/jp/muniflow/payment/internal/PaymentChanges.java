package jp.muniflow.payment.internal;

import static jp.muniflow.processes.payment.PaymentVariables.PAID_ON;
import static jp.muniflow.processes.payment.PaymentVariables.TRANSFER_DATE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import jp.muniflow.payment.BankAccount;
import jp.muniflow.payment.Payment;
import jp.muniflow.payment.PaymentStatus;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.processes.payment.PaymentChange;
import jp.muniflow.processes.payment.Payments;
import org.springframework.stereotype.Component;

/**
 * The engine's side of the {@link Payments} port: each step of {@code subsidyPayment} that changes the payment changes
 * its row. The 交付請求 takes the municipality's bank account into the payment as it is at that moment, so a later change
 * of the account does not redirect money already approved.
 */
@Component
class PaymentChanges implements Payments {

  /** The days a municipality has to pay back what a refund request asks. */
  static final int REFUND_DAYS = 30;

  private final PaymentStore store;
  private final BankAccountStore accounts;
  private final Clock clock;

  PaymentChanges(PaymentStore store, BankAccountStore accounts, Clock clock) {
    this.store = store;
    this.accounts = accounts;
    this.clock = clock;
  }

  @Override
  public Map<String, Object> apply(String paymentId, PaymentChange change, Map<String, Object> variables) {
    Payment p = store.lock(paymentId).orElseThrow(() -> new IllegalStateException("no payment " + paymentId));
    Instant now = Instant.now(clock);
    Payment changed = switch (change) {
      case REQUESTED -> {
        BankAccount account = accounts.find(p.tenantId())
            .orElseThrow(() -> BusinessRuleException.unprocessable("payment.no-bank-account"));
        yield p.with(PaymentStatus.REQUESTED, account, null, null, null, null, now);
      }
      case RETURNED -> p.with(PaymentStatus.OPEN, null, null, null, null, null, now);
      case APPROVED -> p.with(PaymentStatus.APPROVED, p.account(), date(variables, TRANSFER_DATE), null, null, null, now);
      case PAID -> p.with(PaymentStatus.PAID, p.account(), p.transferDate(), date(variables, PAID_ON), null, p.batchId(), now);
      case REFUND_REQUESTED -> p.with(PaymentStatus.REFUND_REQUESTED, null, null, null,
          JapanTime.today(clock).plusDays(REFUND_DAYS), null, now);
      case SETTLED -> p.with(PaymentStatus.SETTLED, null, null, null, null, null, now);
    };
    store.update(changed);
    return Map.of();
  }

  private static LocalDate date(Map<String, Object> variables, String name) {
    Object v = variables.get(name);
    if (v == null) {
      throw new IllegalStateException("the step needs the variable " + name);
    }
    return LocalDate.parse(v.toString());
  }
}
