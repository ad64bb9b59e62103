package jp.muniflow.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password against Camunda's identity service (bcrypt hashes), throttled per user id by
 * {@link LoginThrottle}, and signs the user in with their groups as authorities.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;
  private final MuniFlowUserLoader users;
  private final LoginThrottle throttle;

  CamundaIdentityAuthenticationProvider(IdentityService identity, MuniFlowUserLoader users, LoginThrottle throttle) {
    this.identity = identity;
    this.users = users;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (username == null || username.isBlank() || username.length() > 64 || !(credentials instanceof String password)) {
      throw new BadCredentialsException("bad credentials");
    }
    var wait = throttle.waitFor(username);
    if (!wait.isZero()) {
      throw new LoginThrottledException(wait);
    }
    if (!identity.checkPassword(username, password)) {
      throttle.recordFailure(username);
      throw new BadCredentialsException("bad credentials");
    }
    throttle.clear(username);
    MuniFlowUser user = users.load(username);
    List<SimpleGrantedAuthority> authorities = user.groups().stream().map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
