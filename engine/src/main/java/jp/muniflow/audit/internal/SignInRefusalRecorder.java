package jp.muniflow.audit.internal;

import jp.muniflow.audit.AuditLog;
import jp.muniflow.platform.SignInRefused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes each refused directory sign-in to the audit log as {@code login-refused}, with the source and the reason. */
@Component
class SignInRefusalRecorder {

  static final String ACTION = "login-refused";

  private final AuditLog audit;

  SignInRefusalRecorder(AuditLog audit) {
    this.audit = audit;
  }

  @EventListener
  void on(SignInRefused refused) {
    audit.record(refused.actor(), ACTION, null, refused.source(), refused.reason());
  }
}
