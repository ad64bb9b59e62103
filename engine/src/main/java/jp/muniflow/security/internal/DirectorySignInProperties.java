package jp.muniflow.security.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code muniflow.sign-in.*}: who may sign in with a password kept by MuniFlow, how the claims of an OpenID Connect
 * provider or the groups and attributes of a directory become MuniFlow's groups and tenants, and where the LDAP
 * directory is. The OpenID Connect providers themselves are Spring Boot's
 * {@code spring.security.oauth2.client.registration/provider.*} (docs/operations.md, Directory sign-in).
 *
 * @param localUsers {@code all} (every user with a password in MuniFlow), or {@code break-glass-only}
 * @param breakGlassAdmin the one local administrator who may still sign in with a password when local users are off
 * @param bearerUsernameClaim the claim whose value is the MuniFlow user id of a bearer token's user
 * @param bearerAudiences accepted audiences of bearer tokens; empty: the client ids of the configured providers
 * @param mapping the rules, applied in order; a user gets the union of what the matching rules give
 * @param ldap the LDAP directory or Active Directory, if any
 */
@ConfigurationProperties("muniflow.sign-in")
record DirectorySignInProperties(@DefaultValue("all") LocalUsers localUsers, String breakGlassAdmin,
    @DefaultValue("preferred_username") String bearerUsernameClaim, List<String> bearerAudiences,
    List<ClaimMapping.Rule> mapping, @DefaultValue Ldap ldap) {

  DirectorySignInProperties {
    bearerAudiences = bearerAudiences == null ? List.of() : List.copyOf(bearerAudiences);
    mapping = mapping == null ? List.of() : List.copyOf(mapping);
  }

  enum LocalUsers { ALL, BREAK_GLASS_ONLY }

  /**
   * An LDAP directory or Active Directory: bind as the user, then search the user's groups.
   *
   * @param url e.g. {@code ldaps://ad.city.example.lg.jp:636/DC=city,DC=example,DC=lg,DC=jp}; unset: no directory
   * @param managerDn a DN to bind as for the user search (Active Directory refuses anonymous searches); optional
   * @param userSearchBase where to look for users, relative to the URL's base DN
   * @param userSearchFilter how: {0} is the user id typed at sign-in
   * @param groupSearchBase where to look for groups, relative to the URL's base DN
   * @param groupSearchFilter how: {0} is the user's full DN, {1} the user id
   * @param attributes the user's attributes passed to the mapping rules besides {@code groups}
   */
  record Ldap(String url, String managerDn, String managerPassword, @DefaultValue("") String userSearchBase,
      @DefaultValue("(sAMAccountName={0})") String userSearchFilter, @DefaultValue("") String groupSearchBase,
      @DefaultValue("(member={0})") String groupSearchFilter,
      @DefaultValue({"mail", "displayName", "sn", "givenName"}) List<String> attributes) {

    boolean configured() {
      return url != null && !url.isBlank();
    }
  }

  /** Whether a local user (a password kept by MuniFlow) may sign in. */
  boolean localSignInAllowed(String username) {
    return localUsers == LocalUsers.ALL || (breakGlassAdmin != null && breakGlassAdmin.equals(username));
  }
}
