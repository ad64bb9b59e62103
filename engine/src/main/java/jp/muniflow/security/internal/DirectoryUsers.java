package jp.muniflow.security.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import jp.muniflow.engineadapter.InOneCommand;
import jp.muniflow.platform.SignInRefused;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.tenants.GroupIds;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Just-in-time users: a user whom an OpenID Connect provider or the directory signed in becomes (or stays) a user of
 * the engine, with the name and mail the provider gives (mail is where notifications go), and with exactly the groups
 * and tenants that the mapping rules give now: a transfer between municipalities takes effect at the next sign-in.
 * Someone to whom the rules give nothing is refused, recorded in the audit log, and nothing is created for them.
 *
 * <p>Only groups and tenants that exist are joined: the rules never create groups. The account of a local user (one
 * with a password kept by MuniFlow) is never taken over by a directory user of the same id.
 */
@Component
class DirectoryUsers {

  private static final Logger log = LoggerFactory.getLogger(DirectoryUsers.class);
  static final String NOT_A_USER_ID = "(not a user id)";

  private final IdentityService identity;
  private final MuniFlowUserLoader users;
  private final ClaimMapping mapping;
  private final TransactionTemplate transactions;
  private final InOneCommand inOneCommand;
  private final ApplicationEventPublisher events;

  DirectoryUsers(IdentityService identity, MuniFlowUserLoader users, DirectorySignInProperties properties,
      PlatformTransactionManager transactionManager, InOneCommand inOneCommand, ApplicationEventPublisher events) {
    this.identity = identity;
    this.users = users;
    this.mapping = new ClaimMapping(properties.mapping());
    this.transactions = new TransactionTemplate(transactionManager);
    this.inOneCommand = inOneCommand;
    this.events = events;
  }

  /**
   * The MuniFlow user of a directory account, created or brought up to date.
   *
   * @throws SignInRefusedException when the rules give them nothing or their id cannot be a MuniFlow user id
   */
  MuniFlowUser signIn(DirectoryAccount account) {
    String username = account.username();
    if (username == null || username.length() > 64 || !username.matches(GroupIds.RESOURCE_ID_PATTERN)) {
      throw refuse(account, NOT_A_USER_ID, "the user id is not letters, digits and hyphens (at most 64)");
    }
    ClaimMapping.Access access = mapping.apply(account.claims());
    if (access.isEmpty()) {
      throw refuse(account, username, "no mapping rule matches");
    }
    Provisioned provisioned = transactions.execute(status -> inOneCommand.call(() -> provision(account, access)));
    if (provisioned == Provisioned.LOCAL_USER) {
      throw refuse(account, username, "a local user of the same id exists", true);
    }
    if (provisioned == Provisioned.NOTHING_EXISTS) {
      // the rules named groups or tenants that this installation does not have: as good as no rule
      throw refuse(account, username, "the mapped groups and tenants do not exist: " + access);
    }
    // read back in a command of its own: the engine writes the memberships only when the command above ends
    return transactions.execute(status -> inOneCommand.call(() ->
        users.load(username, identity.createUserQuery().userId(username).singleResult())));
  }

  private enum Provisioned { DONE, LOCAL_USER, NOTHING_EXISTS }

  /** Creates or updates the user and their memberships, unless the id is a local user's or nothing mapped exists. */
  private Provisioned provision(DirectoryAccount account, ClaimMapping.Access access) {
    String username = account.username();
    User stored = identity.createUserQuery().userId(username).singleResult();
    if (stored != null && stored.getPassword() != null) {
      return Provisioned.LOCAL_USER;
    }
    Set<String> groups = existing(access.groups(), access.groups().isEmpty() ? List.of()
        : identity.createGroupQuery().groupIdIn(access.groups().toArray(String[]::new)).list().stream().map(Group::getId).toList());
    Set<String> tenants = existing(access.tenants(), access.tenants().isEmpty() ? List.of()
        : identity.createTenantQuery().tenantIdIn(access.tenants().toArray(String[]::new)).list().stream().map(Tenant::getId).toList());
    if (groups.isEmpty() && tenants.isEmpty()) {
      return Provisioned.NOTHING_EXISTS;
    }
    User user = stored != null ? stored : identity.newUser(username);
    boolean changed = stored == null;
    changed |= set(account.familyName(), user.getLastName(), user::setLastName);
    changed |= set(account.givenName(), user.getFirstName(), user::setFirstName);
    changed |= set(account.mail(), user.getEmail(), user::setEmail);
    if (changed) {
      identity.saveUser(user);
    }
    Set<String> memberOf = new HashSet<>(identity.createGroupQuery().groupMember(username).list().stream().map(Group::getId).toList());
    memberOf.stream().filter(g -> !groups.contains(g)).forEach(g -> identity.deleteMembership(username, g));
    groups.stream().filter(g -> !memberOf.contains(g)).forEach(g -> identity.createMembership(username, g));
    Set<String> direct = new HashSet<>(identity.createTenantQuery().userMember(username).list().stream().map(Tenant::getId).toList());
    direct.stream().filter(t -> !tenants.contains(t)).forEach(t -> identity.deleteTenantUserMembership(t, username));
    tenants.stream().filter(t -> !direct.contains(t)).forEach(t -> identity.createTenantUserMembership(t, username));
    if (changed || !memberOf.equals(groups) || !direct.equals(tenants)) {
      log.info("Directory user {} from {}: groups {}, tenants {}", username, account.source(), groups, tenants);
    }
    return Provisioned.DONE;
  }

  private static Set<String> existing(List<String> wanted, List<String> found) {
    Set<String> result = new java.util.TreeSet<>(found);
    wanted.stream().filter(w -> !result.contains(w))
        .forEach(w -> log.warn("Mapping rule gives '{}', which this installation does not have: ignored", w));
    return result;
  }

  private static boolean set(String value, String current, java.util.function.Consumer<String> setter) {
    if (value == null || value.isBlank() || Objects.equals(value, current)) {
      return false;
    }
    setter.accept(value);
    return true;
  }

  private SignInRefusedException refuse(DirectoryAccount account, String actor, String reason) {
    return refuse(account, actor, reason, false);
  }

  private SignInRefusedException refuse(DirectoryAccount account, String actor, String reason, boolean localUser) {
    events.publishEvent(new SignInRefused(actor, account.source(), reason));
    return new SignInRefusedException(reason, localUser);
  }
}
