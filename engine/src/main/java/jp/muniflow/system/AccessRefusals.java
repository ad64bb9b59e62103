package jp.muniflow.system;

import jakarta.servlet.http.HttpServletRequest;
import jp.muniflow.audit.AuditLog;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Writes each refused access (a 403, or a 404 that hid another tenant's object) to the audit log: who, which method
 * and path, and the tenant of the object. Never a body, a query string or a header: those may carry personal data.
 */
@Component
public class AccessRefusals {

  private final AuditLog audit;

  AccessRefusals(AuditLog audit) {
    this.audit = audit;
  }

  public void record(HttpServletRequest request, int status, String tenantOfObject) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    String actor = auth == null || auth.getName() == null ? "(anonymous)" : auth.getName();
    audit.record(actor, "access-refused", tenantOfObject, request.getMethod() + " " + request.getRequestURI(),
        "status " + status);
  }
}
