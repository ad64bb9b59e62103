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
 * Checks a username and password against Camunda's identity service (bcrypt hashes, Camunda's lock-out after
 * repeated failures) and signs the user in with their groups as authorities.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;
  private final MuniFlowUserLoader users;

  CamundaIdentityAuthenticationProvider(IdentityService identity, MuniFlowUserLoader users) {
    this.identity = identity;
    this.users = users;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (username == null || username.isBlank() || !(credentials instanceof String password)
        || !identity.checkPassword(username, password)) {
      throw new BadCredentialsException("bad credentials");
    }
    MuniFlowUser user = users.load(username);
    List<SimpleGrantedAuthority> authorities = user.groups().stream().map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
