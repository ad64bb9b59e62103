package jp.muniflow.payment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import jp.muniflow.engineadapter.AsSystem;
import jp.muniflow.modeling.ProcessStarter;
import jp.muniflow.payment.Payment;
import jp.muniflow.payment.PaymentKind;
import jp.muniflow.payment.PaymentStatus;
import jp.muniflow.processes.payment.PaymentVariables;
import jp.muniflow.tenants.GroupIds;
import jp.muniflow.tenants.TenantRegistry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Opens a payment of an application: stores it and starts its {@code subsidyPayment} instance, in the caller's
 * transaction. The instance is started without the user's engine identity: MuniFlow has decided that the payment
 * opens (the confirmation's step, or staff asking for an advance the rules allow), and neither may start processes in
 * Camunda's own authorizations.
 */
@Component
class PaymentOpening {

  private final PaymentStore store;
  private final ProcessStarter processes;
  private final TenantRegistry registry;
  private final AsSystem asSystem;
  private final Clock clock;

  PaymentOpening(PaymentStore store, ProcessStarter processes, TenantRegistry registry, AsSystem asSystem, Clock clock) {
    this.store = store;
    this.processes = processes;
    this.registry = registry;
    this.asSystem = asSystem;
    this.clock = clock;
  }

  /**
   * @param amountDue what is to be paid; at settlement negative when the advances were more (a refund is requested)
   */
  Payment open(String applicationId, String tenantId, int fiscalYear, String title, PaymentKind kind, long amountDue,
      String payingSecretariat) {
    String id = String.format(Locale.ROOT, "%s-P%d", applicationId, store.countOf(applicationId) + 1);
    Map<String, Object> vars = new HashMap<>();
    vars.put(PaymentVariables.PAYMENT_ID, id);
    vars.put(PaymentVariables.APPLICATION_ID, applicationId);
    vars.put(PaymentVariables.FISCAL_YEAR, fiscalYear);
    vars.put(PaymentVariables.TITLE, title);
    vars.put(PaymentVariables.PAYMENT_KIND, kind.name());
    vars.put(PaymentVariables.AMOUNT_DUE, amountDue);
    vars.put(PaymentVariables.STAFF_GROUP, registry.municipality(tenantId).map(m -> m.staffGroup())
        .orElse(GroupIds.staff(tenantId)));
    vars.put(PaymentVariables.PAYING_SECRETARIAT, payingSecretariat);
    vars.put(PaymentVariables.MANAGERS_GROUP, GroupIds.managers(payingSecretariat));
    ProcessInstance instance = asSystem.call(() -> processes.startForTenant(PaymentVariables.PROCESS_KEY, tenantId, id, vars));
    Instant now = Instant.now(clock);
    Payment payment = new Payment(id, applicationId, tenantId, fiscalYear, kind, Math.abs(amountDue), PaymentStatus.OPEN,
        payingSecretariat, instance.getId(), null, null, null, null, null, now, now);
    store.insert(payment);
    return payment;
  }
}
