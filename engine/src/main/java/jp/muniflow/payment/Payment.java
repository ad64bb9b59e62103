package jp.muniflow.payment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One payment as stored. {@code amount} is what is paid, or for a refund request what is to be paid back. The bank
 * account is the municipality's as it was when staff requested the payment (null before).
 */
public record Payment(String id, String applicationId, String tenantId, int fiscalYear, PaymentKind kind, long amount,
    PaymentStatus status, String payingSecretariat, String processInstanceId, BankAccount account,
    LocalDate transferDate, LocalDate paidOn, LocalDate refundDue, String batchId, Instant createdAt, Instant updatedAt) {

  /** The same payment in a new state. */
  public Payment with(PaymentStatus newStatus, BankAccount newAccount, LocalDate newTransferDate, LocalDate newPaidOn,
      LocalDate newRefundDue, String newBatchId, Instant now) {
    return new Payment(id, applicationId, tenantId, fiscalYear, kind, amount, newStatus, payingSecretariat,
        processInstanceId, newAccount, newTransferDate, newPaidOn, newRefundDue, newBatchId, createdAt, now);
  }
}
