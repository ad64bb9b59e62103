package jp.muniflow.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user of the current request, for code that is not handed one by Spring MVC. */
public final class CurrentUser {

  private CurrentUser() {
  }

  public static Optional<MuniFlowUser> find() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof MuniFlowUser user ? Optional.of(user) : Optional.empty();
  }

  public static MuniFlowUser get() {
    return find().orElseThrow(() -> new IllegalStateException("no MuniFlow user is signed in on this thread"));
  }
}
