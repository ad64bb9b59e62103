package jp.muniflow.audit.internal;

import jp.muniflow.audit.AuditLog;
import jp.muniflow.tenants.GroupIds;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Writes sign-ins and failed sign-ins to the audit log. A failed sign-in records the name only when it looks like a
 * user id: people sometimes type their password into the name field.
 */
@Component
class LoginAuditListener {

  static final String UNREADABLE_NAME = "(not a user id)";

  private final AuditLog audit;

  LoginAuditListener(AuditLog audit) {
    this.audit = audit;
  }

  @EventListener
  void onLogin(InteractiveAuthenticationSuccessEvent event) {
    audit.record(event.getAuthentication().getName(), "login", null, null, null);
  }

  @EventListener
  void onFailure(AbstractAuthenticationFailureEvent event) {
    String name = event.getAuthentication().getName();
    String actor = name != null && name.matches(GroupIds.RESOURCE_ID_PATTERN) && name.length() <= 64 ? name : UNREADABLE_NAME;
    audit.record(actor, "login-failed", null, null, event.getException().getClass().getSimpleName());
  }
}
