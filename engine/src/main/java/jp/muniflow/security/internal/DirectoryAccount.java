package jp.muniflow.security.internal;

import java.util.List;
import java.util.Map;

/**
 * A user as an OpenID Connect provider or a directory describes them at sign-in.
 *
 * @param source the provider's registration id, {@code ldap}, or {@code bearer}
 * @param username the MuniFlow user id they will have
 * @param familyName family name, if known (Japanese order puts it first)
 * @param givenName given name, if known
 * @param mail the address for notifications, if known
 * @param claims every claim or attribute, each as a list of strings ({@code groups}: the directory's groups)
 */
record DirectoryAccount(String source, String username, String familyName, String givenName, String mail,
    Map<String, List<String>> claims) {
}
