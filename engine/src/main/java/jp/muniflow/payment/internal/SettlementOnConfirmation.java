package jp.muniflow.payment.internal;

import java.time.Clock;
import java.time.Instant;
import jp.muniflow.engineadapter.AsSystem;
import jp.muniflow.payment.Payment;
import jp.muniflow.payment.PaymentKind;
import jp.muniflow.payment.PaymentStatus;
import jp.muniflow.subsidy.ApplicationConfirmed;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When an application's amount is confirmed, opens its settlement (精算) in the same transaction: the confirmed amount
 * less the advances approved or paid. More than zero is to be requested and paid; less than zero is requested back
 * (返還請求); zero is settled. An advance not yet approved (still to be requested, or waiting for its 支出決定) is
 * cancelled, its process ended, so that the money is paid once, by the settlement. Synchronous on purpose: the
 * confirmation and its settlement commit together or not at all.
 */
@Component
class SettlementOnConfirmation {

  static final String CANCEL_REASON = "交付額確定：支出決定前の概算払は精算払にまとめる";

  private final PaymentStore store;
  private final PaymentOpening opening;
  private final RuntimeService runtime;
  private final AsSystem asSystem;
  private final Clock clock;

  SettlementOnConfirmation(PaymentStore store, PaymentOpening opening, RuntimeService runtime, AsSystem asSystem,
      Clock clock) {
    this.store = store;
    this.opening = opening;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.clock = clock;
  }

  @EventListener
  void on(ApplicationConfirmed confirmed) {
    long advances = 0;
    for (Payment p : store.ofApplication(confirmed.applicationId())) {
      if (p.kind() != PaymentKind.ADVANCE) {
        continue;
      }
      if (p.status() == PaymentStatus.APPROVED || p.status() == PaymentStatus.PAID) {
        advances += p.amount();
      } else if (p.status() == PaymentStatus.OPEN || p.status() == PaymentStatus.REQUESTED) {
        asSystem.run(() -> runtime.deleteProcessInstance(p.processInstanceId(), CANCEL_REASON, true, true));
        store.update(p.with(PaymentStatus.CANCELLED, p.account(), null, null, null, null, Instant.now(clock)));
      }
    }
    opening.open(confirmed.applicationId(), confirmed.tenantId(), confirmed.fiscalYear(), confirmed.title(),
        PaymentKind.SETTLEMENT, confirmed.confirmedAmount() - advances, confirmed.decidingSecretariat());
  }
}
