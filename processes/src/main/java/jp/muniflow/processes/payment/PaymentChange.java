package jp.muniflow.processes.payment;

/** The steps of {@code subsidyPayment} that change the payment's record, named by the step's input {@code change}. */
public enum PaymentChange {
  /** Staff submitted the 交付請求: the tenant's bank account is taken into the payment as it is now. */
  REQUESTED,
  /** The paying secretariat's manager sent the request back to staff. */
  RETURNED,
  /** 支出決定: the payment waits for the transfer batch of its date. */
  APPROVED,
  /** The batch of its date was marked paid. */
  PAID,
  /** At settlement the advances were more than the confirmed amount: the difference is requested back (返還請求). */
  REFUND_REQUESTED,
  /** At settlement nothing is left to pay. */
  SETTLED
}
