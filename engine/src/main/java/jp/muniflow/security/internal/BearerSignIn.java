package jp.muniflow.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jp.muniflow.security.MuniFlowUser;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;

/**
 * Bearer tokens on {@code /api}, for integrations: a JWT access token of one of the configured OpenID Connect
 * providers (by its issuer), signed with the provider's published keys, unexpired, and meant for MuniFlow (its
 * audience), signs its user in for that one request, with the same mapping rules and just-in-time user as a sign-in in
 * the browser. The user a token gave is remembered until the token expires, at most five minutes, so that an
 * integration's calls do not each update the user; a transfer between municipalities reaches tokens within that time.
 */
class BearerSignIn {

  private static final Duration REMEMBER_AT_MOST = Duration.ofMinutes(5);
  private static final int REMEMBERED_TOKENS = 10_000;

  private final DirectoryUsers users;
  private final String usernameClaim;
  private final Map<String, List<String>> audiencesByIssuer;
  private final Map<String, AuthenticationManager> managers = new ConcurrentHashMap<>();
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  BearerSignIn(DirectoryUsers users, DirectorySignInProperties properties, Iterable<ClientRegistration> registrations) {
    this.users = users;
    this.usernameClaim = properties.bearerUsernameClaim();
    Map<String, List<String>> audiences = new ConcurrentHashMap<>();
    for (ClientRegistration registration : registrations) {
      String issuer = registration.getProviderDetails().getIssuerUri();
      if (issuer != null) {
        audiences.computeIfAbsent(issuer, i -> new ArrayList<>()).addAll(properties.bearerAudiences().isEmpty()
            ? List.of(registration.getClientId()) : properties.bearerAudiences());
      }
    }
    this.audiencesByIssuer = audiences;
  }

  /** Picks the provider by the token's issuer; a token of any other issuer is refused before its signature is read. */
  AuthenticationManagerResolver<HttpServletRequest> resolver() {
    return new JwtIssuerAuthenticationManagerResolver(issuer ->
        audiencesByIssuer.containsKey(issuer) ? managers.computeIfAbsent(issuer, this::managerFor) : null);
  }

  private AuthenticationManager managerFor(String issuer) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
    Set<String> audiences = Set.copyOf(audiencesByIssuer.get(issuer));
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
        new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains))));
    JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
    provider.setJwtAuthenticationConverter(this::signIn);
    return provider::authenticate;
  }

  private AbstractAuthenticationToken signIn(Jwt jwt) {
    Instant now = clock.instant();
    Remembered known = remembered.get(jwt.getTokenValue());
    if (known != null && known.until().isAfter(now)) {
      return new BearerSignInToken(known.user(), jwt);
    }
    String username = jwt.hasClaim(usernameClaim) ? jwt.getClaimAsString(usernameClaim) : jwt.getSubject();
    MuniFlowUser user;
    try {
      user = users.signIn(OidcSignIn.account("bearer", username, jwt.getClaims()));
    } catch (SignInRefusedException e) {
      throw new InvalidBearerTokenException("MuniFlow does not admit this token's user: " + e.getMessage());
    }
    if (remembered.size() >= REMEMBERED_TOKENS) {
      remembered.values().removeIf(r -> !r.until().isAfter(now));
      if (remembered.size() >= REMEMBERED_TOKENS) {
        remembered.clear();
      }
    }
    Instant expires = jwt.getExpiresAt() == null ? now : jwt.getExpiresAt();
    Instant until = expires.isBefore(now.plus(REMEMBER_AT_MOST)) ? expires : now.plus(REMEMBER_AT_MOST);
    remembered.put(jwt.getTokenValue(), new Remembered(user, until));
    return new BearerSignInToken(user, jwt);
  }

  private record Remembered(MuniFlowUser user, Instant until) {
  }

  /** A request signed in by a bearer token; its principal is the MuniFlow user, as for every way of signing in. */
  static final class BearerSignInToken extends AbstractAuthenticationToken {

    private final MuniFlowUser user;
    private final transient Jwt jwt;

    BearerSignInToken(MuniFlowUser user, Jwt jwt) {
      super(user.groups().stream().map(SimpleGrantedAuthority::new).toList());
      this.user = user;
      this.jwt = jwt;
      setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
      return jwt;
    }

    @Override
    public Object getPrincipal() {
      return user;
    }
  }
}
