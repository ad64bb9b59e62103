package jp.muniflow.payment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import jp.muniflow.payment.BankAccount;
import jp.muniflow.payment.Payment;
import jp.muniflow.payment.PaymentStatus;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.processes.payment.PaymentCommand;
import jp.muniflow.processes.payment.PaymentContract;
import jp.muniflow.processes.payment.Payments;
import org.springframework.stereotype.Component;

/**
 * The engine's side of the {@link Payments} port: each step of {@code subsidyPayment} that changes the payment changes
 * its row. The 交付請求 takes the municipality's bank account into the payment as it is at that moment, so a later change
 * of the account does not redirect money already approved.
 */
@Component
class PaymentChanges implements Payments {

  private final PaymentStore store;
  private final BankAccountStore accounts;
  private final Clock clock;

  PaymentChanges(PaymentStore store, BankAccountStore accounts, Clock clock) {
    this.store = store;
    this.accounts = accounts;
    this.clock = clock;
  }

  @Override
  public Map<String, Object> apply(String paymentId, PaymentCommand command) {
    Payment p = store.lock(paymentId).orElseThrow(() -> new IllegalStateException("no payment " + paymentId));
    Instant now = Instant.now(clock);
    store.update(changed(p, command, now));
    return Map.of();
  }

  private Payment changed(Payment p, PaymentCommand command, Instant now) {
    if (command instanceof PaymentCommand.Request) {
      BankAccount account = accounts.find(p.tenantId())
          .orElseThrow(() -> BusinessRuleException.unprocessable("payment.no-bank-account"));
      return p.with(PaymentStatus.REQUESTED, account, null, null, null, null, now);
    } else if (command instanceof PaymentCommand.ReturnToStaff) {
      return p.with(PaymentStatus.OPEN, null, null, null, null, null, now);
    } else if (command instanceof PaymentCommand.Approve approve) {
      return p.with(PaymentStatus.APPROVED, p.account(), approve.transferDate(), null, null, null, now);
    } else if (command instanceof PaymentCommand.MarkPaid paid) {
      return p.with(PaymentStatus.PAID, p.account(), p.transferDate(), paid.paidOn(), null, p.batchId(), now);
    } else if (command instanceof PaymentCommand.RequestRefund) {
      return p.with(PaymentStatus.REFUND_REQUESTED, null, null, null,
          JapanTime.today(clock).plusDays(PaymentContract.REFUND_DAYS), null, now);
    } else if (command instanceof PaymentCommand.Settle) {
      return p.with(PaymentStatus.SETTLED, null, null, null, null, null, now);
    }
    throw new IllegalArgumentException("unknown command " + command);
  }
}
