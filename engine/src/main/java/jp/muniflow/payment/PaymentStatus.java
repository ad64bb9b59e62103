package jp.muniflow.payment;

/** Where a payment stands. */
public enum PaymentStatus {
  /** Waiting for the municipality's 交付請求. */
  OPEN,
  /** Requested; waiting for the paying secretariat's 支出決定. */
  REQUESTED,
  /** Approved; waiting for the transfer batch of its date to be marked paid. */
  APPROVED,
  PAID,
  /** The advances were more than the confirmed amount: the difference is requested back (返還請求). */
  REFUND_REQUESTED,
  /** Nothing was left to pay at settlement. */
  SETTLED,
  /**
   * An advance not yet approved when the amount was confirmed: its process ends there, and the settlement pays the whole
   * confirmed amount instead.
   */
  CANCELLED;

  /** Money is still to move: the year cannot close while a payment is in one of these. */
  public boolean isOpen() {
    return this == OPEN || this == REQUESTED || this == APPROVED;
  }
}
