package jp.muniflow.payment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.muniflow.engineadapter.AsSystem;
import jp.muniflow.payment.Payment;
import jp.muniflow.payment.PaymentProperties;
import jp.muniflow.payment.PaymentStatus;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.processes.payment.PaymentVariables;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.tenants.TenantRegistry;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The paying secretariat's transfer batch of a date: its approved payments as a 全銀 file or a CSV, and the marking of
 * the batch as paid, which moves each approved payment of the date on to its 支払通知書 exactly once. Only the
 * secretariat's managers; any other secretariat's user gets "not found", as for a secretariat that does not exist.
 */
@Service
class TransferBatches {

  /** What the file of a date holds: the approved payments, and those already paid in its batch (a second download). */
  static final List<PaymentStatus> IN_FILE = List.of(PaymentStatus.APPROVED, PaymentStatus.PAID);

  private final PaymentStore store;
  private final PaymentProperties properties;
  private final PaymentAccess access;
  private final TenantRegistry registry;
  private final RuntimeService runtime;
  private final AsSystem asSystem;
  private final Clock clock;

  TransferBatches(PaymentStore store, PaymentProperties properties, PaymentAccess access, TenantRegistry registry,
      RuntimeService runtime, AsSystem asSystem, Clock clock) {
    this.store = store;
    this.properties = properties;
    this.access = access;
    this.registry = registry;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.clock = clock;
  }

  /** The payments of a date's batch, as its file lists them: approved, and those already paid in it. */
  @Transactional(readOnly = true)
  public List<Payment> ofDate(MuniFlowUser user, String secretariat, LocalDate date) {
    checkManager(user, secretariat);
    return store.ofTransfer(secretariat, date, IN_FILE, false);
  }

  @Transactional(readOnly = true)
  public byte[] zengin(MuniFlowUser user, String secretariat, LocalDate date) {
    checkManager(user, secretariat);
    PaymentProperties.Requester requester = properties.requesters().get(secretariat);
    if (requester == null) {
      throw BusinessRuleException.conflict("payment.requester-missing", "muniflow.payment.requesters." + secretariat);
    }
    return TransferFile.write(requester, date, store.ofTransfer(secretariat, date, IN_FILE, false));
  }

  @Transactional(readOnly = true)
  public byte[] csv(MuniFlowUser user, String secretariat, LocalDate date) {
    checkManager(user, secretariat);
    return TransferCsv.write(date, store.ofTransfer(secretariat, date, IN_FILE, false),
        code -> registry.municipality(code).map(m -> m.name()).orElse(code));
  }

  /**
   * Marks the batch of a date paid: every payment of the date still approved becomes paid, each in its own process,
   * all in one transaction. A second marking finds none left and changes nothing.
   */
  @Transactional
  public Marked markPaid(MuniFlowUser user, String secretariat, LocalDate date) {
    checkManager(user, secretariat);
    List<Payment> approved = store.ofTransfer(secretariat, date, List.of(PaymentStatus.APPROVED), true);
    if (approved.isEmpty()) {
      return new Marked(null, secretariat, date, List.of(), 0L);
    }
    String batchId = "B-" + secretariat + "-" + date + "-" + UUID.randomUUID().toString().substring(0, 8);
    Instant now = Instant.now(clock);
    long total = approved.stream().mapToLong(Payment::amount).sum();
    store.insertBatch(batchId, secretariat, date, approved.size(), total, user.username(), now);
    for (Payment p : approved) {
      // managers may not correlate messages in Camunda's authorizations; MuniFlow has checked that they may mark this
      asSystem.run(() -> runtime.createMessageCorrelation(PaymentVariables.PAID_MESSAGE)
          .processInstanceId(p.processInstanceId()).setVariable(PaymentVariables.PAID_ON, date.toString()).correlate());
      Payment paid = store.find(p.id()).orElseThrow();
      store.update(paid.with(paid.status(), paid.account(), paid.transferDate(), paid.paidOn(), paid.refundDue(), batchId,
          now));
    }
    return new Marked(batchId, secretariat, date, approved.stream().map(Payment::id).toList(), total);
  }

  private void checkManager(MuniFlowUser user, String secretariat) {
    if (registry.secretariat(secretariat).isEmpty() || !PaymentAccess.secretariatsOf(user).contains(secretariat)) {
      throw new NotFoundException("payment.secretariat-not-found");
    }
    if (!access.isManagerOf(user, secretariat)) {
      throw BusinessRuleException.forbidden("payment.managers-only");
    }
  }

  record Marked(String batchId, String secretariat, LocalDate transferDate, List<String> paid, long total) {
  }
}
