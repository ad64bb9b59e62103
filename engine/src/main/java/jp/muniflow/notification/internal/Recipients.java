package jp.muniflow.notification.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.muniflow.engineadapter.AsSystem;
import jp.muniflow.notification.TaskMail;
import jp.muniflow.substitution.Substitutions;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Who is told: the members of groups, a user, and today's substitutes of absent ones (a substitute sees the absent
 * user's tasks, so they hear of them too), each with the address of their user in the directory (Camunda's user's
 * email) and their settings.
 */
@Component
public class Recipients {

  private static final SettingStore.Stored DEFAULTS = new SettingStore.Stored("ja", TaskMail.IMMEDIATE);

  private final IdentityService identity;
  private final AsSystem asSystem;
  private final SettingStore settings;
  private final Substitutions substitutions;
  private final GroupMembers groups;

  Recipients(IdentityService identity, AsSystem asSystem, SettingStore settings, Substitutions substitutions,
      GroupMembers groups) {
    this.identity = identity;
    this.asSystem = asSystem;
    this.settings = settings;
    this.substitutions = substitutions;
    this.groups = groups;
  }

  /** A user who is told, with their address (null: none kept) and settings. */
  public record Recipient(String userId, String email, String language, TaskMail taskMail) {
  }

  /**
   * The members of the groups, and today's substitutes of absent members who are not members themselves. The members
   * come from {@link GroupMembers} (kept for a short time), their settings from one query for them all.
   */
  public List<Recipient> membersOf(Collection<String> groupIds, boolean withSubstitutes) {
    Map<String, GroupMembers.Member> users = new LinkedHashMap<>();
    for (String group : groupIds) {
      groups.of(group).forEach(m -> users.putIfAbsent(m.userId(), m));
    }
    return withSubstitutesOf(users, withSubstitutes);
  }

  /** The users, and today's substitutes of those who are absent. */
  public List<Recipient> users(Collection<String> ids, boolean withSubstitutes) {
    Map<String, GroupMembers.Member> users = new LinkedHashMap<>();
    for (String id : ids) {
      user(id).ifPresent(u -> users.putIfAbsent(u.userId(), u));
    }
    return withSubstitutesOf(users, withSubstitutes);
  }

  private List<Recipient> withSubstitutesOf(Map<String, GroupMembers.Member> users, boolean withSubstitutes) {
    if (withSubstitutes) {
      for (String id : List.copyOf(users.keySet())) {
        substitutions.substituteOf(id).filter(s -> !users.containsKey(s)).flatMap(this::user)
            .ifPresent(u -> users.put(u.userId(), u));
      }
    }
    Map<String, SettingStore.Stored> stored = settings.findAll(users.keySet());
    List<Recipient> recipients = new ArrayList<>();
    users.values().forEach(u -> {
      SettingStore.Stored s = stored.getOrDefault(u.userId(), DEFAULTS);
      recipients.add(new Recipient(u.userId(), u.email(), s.language(), s.taskMail()));
    });
    return recipients;
  }

  private Optional<GroupMembers.Member> user(String id) {
    return Optional.ofNullable(asSystem.call(() -> identity.createUserQuery().userId(id).singleResult()))
        .map(GroupMembers.Member::of);
  }
}
