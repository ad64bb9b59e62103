package jp.muniflow.processes.payment;

import java.time.LocalDate;

/**
 * What one step of {@code subsidyPayment} asks of its payment, with exactly the values that step needs, typed.
 * {@link UpdatePaymentDelegate} builds one from the step's {@link PaymentChange} and the process variables; the engine's
 * {@link Payments} applies it.
 */
public sealed interface PaymentCommand {

  /** The change of the model this command comes from. */
  PaymentChange change();

  /** Staff submitted the 交付請求: the tenant's bank account as it is now goes into the payment. */
  record Request() implements PaymentCommand {
    @Override
    public PaymentChange change() {
      return PaymentChange.REQUESTED;
    }
  }

  /** The paying secretariat's manager sent the request back to staff. */
  record ReturnToStaff() implements PaymentCommand {
    @Override
    public PaymentChange change() {
      return PaymentChange.RETURNED;
    }
  }

  /** 支出決定: the payment waits for the transfer batch of its date. */
  record Approve(LocalDate transferDate) implements PaymentCommand {
    @Override
    public PaymentChange change() {
      return PaymentChange.APPROVED;
    }
  }

  /** The batch of the payment's date was marked paid on this day. */
  record MarkPaid(LocalDate paidOn) implements PaymentCommand {
    @Override
    public PaymentChange change() {
      return PaymentChange.PAID;
    }
  }

  /** At settlement the advances were more than the confirmed amount: the difference is requested back. */
  record RequestRefund() implements PaymentCommand {
    @Override
    public PaymentChange change() {
      return PaymentChange.REFUND_REQUESTED;
    }
  }

  /** At settlement nothing is left to pay. */
  record Settle() implements PaymentCommand {
    @Override
    public PaymentChange change() {
      return PaymentChange.SETTLED;
    }
  }
}
