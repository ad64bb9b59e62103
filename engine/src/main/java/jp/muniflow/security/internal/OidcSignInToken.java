package jp.muniflow.security.internal;

import jp.muniflow.security.MuniFlowUser;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A session signed in through an OpenID Connect provider. Its principal is the {@link MuniFlowUser}, as for every other
 * way of signing in, so that pages, the API, Camunda's webapps and the engine see the same user; the provider's user
 * (with the ID token) stays beside it for signing out at the provider.
 */
class OidcSignInToken extends AbstractAuthenticationToken {

  private final MuniFlowUser user;
  private final OidcUser oidcUser;
  private final String registrationId;

  OidcSignInToken(OidcSignIn.MappedOidcUser oidc, String registrationId) {
    super(oidc.muniFlowUser().groups().stream().map(SimpleGrantedAuthority::new).toList());
    this.user = oidc.muniFlowUser();
    this.oidcUser = oidc;
    this.registrationId = registrationId;
    setAuthenticated(true);
  }

  @Override
  public Object getPrincipal() {
    return user;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  /** The provider's user, whose ID token sign-out hands back to the provider. */
  OidcUser oidcUser() {
    return oidcUser;
  }

  String registrationId() {
    return registrationId;
  }
}
