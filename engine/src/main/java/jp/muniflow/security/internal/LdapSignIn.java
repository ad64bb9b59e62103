package jp.muniflow.security.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.muniflow.security.MuniFlowUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.SpringSecurityLdapTemplate;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;

/**
 * Sign-in with the password of an LDAP directory or Active Directory ({@code muniflow.sign-in.ldap.*}): the user is
 * found by the user search and the directory checks the password by a bind as that user; their groups (each by its
 * full DN and by its {@code cn}) and the configured attributes go through the mapping rules, and they become a
 * just-in-time MuniFlow user. Tried before local users; a wrong password, an unknown name or an unreachable directory
 * lets the local users' check follow (so the break-glass administrator can sign in when the directory is down). The
 * sign-in throttle per user id and client address applies as to local users.
 * Someone removed from the directory cannot bind, so cannot sign in.
 */
final class LdapSignIn implements AuthenticationProvider {

  static final String SOURCE = "ldap";
  private static final Logger log = LoggerFactory.getLogger(LdapSignIn.class);

  private final BindAuthenticator authenticator;
  private final SpringSecurityLdapTemplate directory;
  private final DirectorySignInProperties.Ldap settings;
  private final DirectoryUsers users;
  private final LoginThrottle throttle;

  private LdapSignIn(DirectorySignInProperties.Ldap settings, DirectoryUsers users, LoginThrottle throttle) {
    this.throttle = throttle;
    var source = new DefaultSpringSecurityContextSource(settings.url());
    if (settings.managerDn() != null && !settings.managerDn().isBlank()) {
      source.setUserDn(settings.managerDn());
      source.setPassword(settings.managerPassword());
    }
    source.afterPropertiesSet();
    this.authenticator = new BindAuthenticator(source);
    this.authenticator.setUserSearch(new FilterBasedLdapUserSearch(settings.userSearchBase(), settings.userSearchFilter(), source));
    this.directory = new SpringSecurityLdapTemplate(source);
    this.settings = settings;
    this.users = users;
  }

  /** The directory's sign-in, when the installation names a directory. */
  static Optional<AuthenticationProvider> provider(DirectorySignInProperties properties, DirectoryUsers users,
      LoginThrottle throttle) {
    return properties.ldap().configured() ? Optional.of(new LdapSignIn(properties.ldap(), users, throttle)) : Optional.empty();
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    if (!(authentication.getCredentials() instanceof String password) || password.isEmpty() || username == null
        || username.isBlank()) {
      throw new BadCredentialsException("bad credentials");
    }
    // the sign-in throttle holds for directory passwords too: MuniFlow must not become a way to guess them (a failure
    // is counted once, by the local users' check that follows every failed directory sign-in)
    String client = CamundaIdentityAuthenticationProvider.clientAddress(authentication);
    var wait = throttle.waitFor(username, client);
    if (!wait.isZero()) {
      throw new LoginThrottledException(wait);
    }
    DirContextOperations entry;
    Set<Map<String, List<String>>> groups;
    try {
      entry = authenticator.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
      groups = directory.searchForMultipleAttributeValues(settings.groupSearchBase(), settings.groupSearchFilter(),
          new String[] {entry.getNameInNamespace(), username}, new String[] {"cn"});
    } catch (AuthenticationException e) {
      throw e;
    } catch (RuntimeException e) {
      log.warn("The directory could not be asked about '{}': {}", username, e.toString());
      throw new BadCredentialsException("directory unreachable");
    }
    Map<String, List<String>> claims = new LinkedHashMap<>();
    for (String attribute : settings.attributes()) {
      String[] values = entry.getStringAttributes(attribute);
      claims.put(attribute, values == null ? List.of() : List.of(values));
    }
    List<String> groupNames = new ArrayList<>();
    for (Map<String, List<String>> group : groups) {
      groupNames.addAll(group.getOrDefault(SpringSecurityLdapTemplate.DN_KEY, List.of()));
      groupNames.addAll(group.getOrDefault("cn", List.of()));
    }
    claims.put("groups", groupNames);
    String family = first(claims, "sn");
    String given = first(claims, "givenName");
    if (family == null && given == null) {
      family = first(claims, "displayName");
    }
    MuniFlowUser user;
    try {
      user = users.signIn(new DirectoryAccount(SOURCE, username, family, given, first(claims, "mail"), claims));
    } catch (SignInRefusedException e) {
      if (e.localUser()) {
        // a local user's id: their own password decides, not the directory's
        throw new BadCredentialsException("a local user");
      }
      throw e;
    }
    throttle.clear(username, client);
    return UsernamePasswordAuthenticationToken.authenticated(user, null,
        user.groups().stream().map(SimpleGrantedAuthority::new).toList());
  }

  private static String first(Map<String, List<String>> claims, String name) {
    List<String> values = claims.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
