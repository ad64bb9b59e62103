package jp.muniflow.audit.internal;

import jp.muniflow.audit.AuditLog;
import jp.muniflow.platform.AccessRefused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes each refused access to the audit log as it happens (a refusal has no transaction to wait for). */
@Component
class AccessRefusalRecorder {

  private final AuditLog audit;

  AccessRefusalRecorder(AuditLog audit) {
    this.audit = audit;
  }

  @EventListener
  void on(AccessRefused refused) {
    audit.record(refused.actor(), "access-refused", refused.tenantOfObject(), refused.request(), "status " + refused.status());
  }
}
