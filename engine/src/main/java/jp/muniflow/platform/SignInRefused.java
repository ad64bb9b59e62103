package jp.muniflow.platform;

/**
 * Someone whom an OpenID Connect provider or the directory had authenticated was refused by MuniFlow: no mapping rule
 * gave them a group or a tenant, or their user id cannot be a MuniFlow user. Published for the audit log; nothing
 * else is kept of them.
 *
 * @param actor the user id the provider named, or {@code (not a user id)} when it cannot be one
 * @param source where they signed in: the provider's registration id, {@code ldap}, or {@code bearer}
 * @param reason why, in a few words
 */
public record SignInRefused(String actor, String source, String reason) {
}
