package jp.muniflow.security.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.security.MuniFlowUser;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The user of an OpenID Connect sign-in: Spring Security has checked the ID token (signature, issuer, audience,
 * expiry, nonce) and read the user info; the provider's claims then go through the mapping rules and the user becomes
 * a just-in-time MuniFlow user. Someone the rules refuse ends on the sign-in page with {@link #REFUSED}.
 */
class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

  /** The OAuth2 error code of a sign-in that MuniFlow refused (the provider had accepted it). */
  static final String REFUSED = "muniflow_not_permitted";

  private final OidcUserService standard = new OidcUserService();
  private final DirectoryUsers users;

  OidcSignIn(DirectoryUsers users) {
    this.users = users;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser oidc = standard.loadUser(request);
    String source = request.getClientRegistration().getRegistrationId();
    try {
      MuniFlowUser user = users.signIn(account(source, oidc.getName(), oidc.getClaims()));
      return new MappedOidcUser(oidc, user);
    } catch (SignInRefusedException e) {
      throw new OAuth2AuthenticationException(new OAuth2Error(REFUSED, e.getMessage(), null), e);
    }
  }

  /** A provider's claims as a directory account; the user id is the claim the provider's user-name-attribute names. */
  static DirectoryAccount account(String source, String username, Map<String, Object> claims) {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    claims.forEach((name, value) -> lists.put(name, strings(value)));
    String family = first(lists, "family_name");
    String given = first(lists, "given_name");
    if (family == null && given == null) {
      family = first(lists, "name");
    }
    return new DirectoryAccount(source, username, family, given, first(lists, "email"), lists);
  }

  private static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> many) {
      return many.stream().filter(v -> v != null).map(String::valueOf).toList();
    }
    return List.of(String.valueOf(value));
  }

  private static String first(Map<String, List<String>> claims, String name) {
    List<String> values = claims.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The provider's user with the MuniFlow user the claims gave, for the sign-in's token and for sign-out. */
  static final class MappedOidcUser extends DefaultOidcUser {

    private final MuniFlowUser user;

    MappedOidcUser(OidcUser oidc, MuniFlowUser user) {
      super(user.groups().stream().map(SimpleGrantedAuthority::new).toList(), oidc.getIdToken(), oidc.getUserInfo(),
          IdTokenClaimNames.SUB);
      this.user = user;
    }

    MuniFlowUser muniFlowUser() {
      return user;
    }

    @Override
    public String getName() {
      return user.username();
    }
  }
}
