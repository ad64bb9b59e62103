package jp.muniflow.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.muniflow.security.CurrentUser;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who is asking. Spring Security alone leaves the engine without a user, and an engine without a
 * user skips its authorization and tenant checks; so every request of a signed-in user runs inside
 * {@code identityService.setAuthentication(user, groups, tenantIds)}, cleared afterwards because the engine keeps
 * it per thread and threads serve other users next.
 */
class EngineIdentityFilter extends OncePerRequestFilter {

  private final IdentityService identity;

  EngineIdentityFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var user = CurrentUser.find();
    if (user.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    identity.setAuthentication(user.get().username(), user.get().groups(), user.get().tenantIds());
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }
}
