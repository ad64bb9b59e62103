package jp.muniflow.payment.internal;

import jp.muniflow.payment.Payment;
import jp.muniflow.payment.PaymentKind;
import jp.muniflow.payment.PaymentStatus;
import jp.muniflow.subsidy.ApplicationConfirmed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When an application's amount is confirmed, opens its settlement (精算) in the same transaction: the confirmed amount
 * less the advances approved or paid. More than zero is to be requested and paid; less than zero is requested back
 * (返還請求); zero is settled. Synchronous on purpose: the confirmation and its settlement commit together or not at all.
 */
@Component
class SettlementOnConfirmation {

  private final PaymentStore store;
  private final PaymentOpening opening;

  SettlementOnConfirmation(PaymentStore store, PaymentOpening opening) {
    this.store = store;
    this.opening = opening;
  }

  @EventListener
  void on(ApplicationConfirmed confirmed) {
    long advances = store.ofApplication(confirmed.applicationId()).stream()
        .filter(p -> p.kind() == PaymentKind.ADVANCE)
        .filter(p -> p.status() == PaymentStatus.APPROVED || p.status() == PaymentStatus.PAID)
        .mapToLong(Payment::amount).sum();
    opening.open(confirmed.applicationId(), confirmed.tenantId(), confirmed.fiscalYear(), confirmed.title(),
        PaymentKind.SETTLEMENT, confirmed.confirmedAmount() - advances, confirmed.decidingSecretariat());
  }
}
