package jp.muniflow.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Tells of each refused access (a 403, or a 404 that hid another tenant's object) as an {@link AccessRefused} event,
 * which the audit log records: who, which method and path, and the tenant of the object.
 */
@Component
public class AccessRefusals {

  private final ApplicationEventPublisher events;

  AccessRefusals(ApplicationEventPublisher events) {
    this.events = events;
  }

  public void record(HttpServletRequest request, int status, String tenantOfObject) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    String actor = auth == null || auth.getName() == null ? "(anonymous)" : auth.getName();
    events.publishEvent(new AccessRefused(actor, request.getMethod() + " " + request.getRequestURI(), status, tenantOfObject));
  }
}
