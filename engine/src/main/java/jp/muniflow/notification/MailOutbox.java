package jp.muniflow.notification;

import java.time.Clock;
import java.util.List;
import jp.muniflow.audit.AuditLog;
import jp.muniflow.notification.internal.OutboxSender;
import jp.muniflow.notification.internal.OutboxStore;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The mail outbox for administrators: what is queued, sent and failed (with the server's answer), and resending. */
@Service
public class MailOutbox {

  public static final int LIST_LIMIT = 200;
  public static final List<String> STATUSES = List.of(OutboxStore.QUEUED, OutboxStore.SENT, OutboxStore.FAILED);

  private final OutboxStore store;
  private final OutboxSender sender;
  private final AuditLog audit;
  private final Clock clock;

  MailOutbox(OutboxStore store, OutboxSender sender, AuditLog audit, Clock clock) {
    this.store = store;
    this.sender = sender;
    this.audit = audit;
    this.clock = clock;
  }

  /** The newest messages of a status ({@code QUEUED}, {@code SENT}, {@code FAILED}), or of all when null. */
  public List<OutboxMessage> latest(String status) {
    return store.latest(status != null && STATUSES.contains(status) ? status : null, LIST_LIMIT);
  }

  public long count(String status) {
    return store.count(status);
  }

  public OutboxMessage get(String id) {
    return store.find(id).orElseThrow(() -> new NotFoundException("mail.not-found"));
  }

  /** Queues a failed message again, as it was written; a message that is not failed is refused (409). */
  @Transactional
  public OutboxMessage resend(String administrator, String id) {
    OutboxMessage message = get(id);
    if (!store.requeueFailed(id, clock.instant())) {
      throw BusinessRuleException.conflict("mail.not-failed", message.status());
    }
    audit.record(administrator, "mail.resent", null, "mail/" + id,
        message.kind() + " → " + message.recipient());
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        sender.wake();
      }
    });
    return get(id);
  }
}
