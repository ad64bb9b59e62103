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
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who is told: the members of groups, a user, and today's substitutes of absent ones (a substitute sees the absent
 * user's tasks, so they hear of them too), each with the address of their user in the directory (Camunda's user's
 * email) and their settings.
 */
@Component
public class Recipients {

  private final IdentityService identity;
  private final AsSystem asSystem;
  private final SettingStore settings;
  private final Substitutions substitutions;

  Recipients(IdentityService identity, AsSystem asSystem, SettingStore settings, Substitutions substitutions) {
    this.identity = identity;
    this.asSystem = asSystem;
    this.settings = settings;
    this.substitutions = substitutions;
  }

  /** A user who is told, with their address (null: none kept) and settings. */
  public record Recipient(String userId, String email, String language, TaskMail taskMail) {
  }

  /** The members of the groups, and today's substitutes of absent members who are not members themselves. */
  public List<Recipient> membersOf(Collection<String> groups, boolean withSubstitutes) {
    Map<String, User> users = new LinkedHashMap<>();
    for (String group : groups) {
      asSystem.call(() -> identity.createUserQuery().memberOfGroup(group).list()).forEach(u -> users.putIfAbsent(u.getId(), u));
    }
    return withSubstitutesOf(users, withSubstitutes);
  }

  /** The users, and today's substitutes of those who are absent. */
  public List<Recipient> users(Collection<String> ids, boolean withSubstitutes) {
    Map<String, User> users = new LinkedHashMap<>();
    for (String id : ids) {
      user(id).ifPresent(u -> users.putIfAbsent(u.getId(), u));
    }
    return withSubstitutesOf(users, withSubstitutes);
  }

  private List<Recipient> withSubstitutesOf(Map<String, User> users, boolean withSubstitutes) {
    if (withSubstitutes) {
      for (String id : List.copyOf(users.keySet())) {
        substitutions.substituteOf(id).filter(s -> !users.containsKey(s)).flatMap(this::user)
            .ifPresent(u -> users.put(u.getId(), u));
      }
    }
    List<Recipient> recipients = new ArrayList<>();
    users.values().forEach(u -> recipients.add(recipient(u)));
    return recipients;
  }

  private Optional<User> user(String id) {
    return Optional.ofNullable(asSystem.call(() -> identity.createUserQuery().userId(id).singleResult()));
  }

  private Recipient recipient(User user) {
    SettingStore.Stored s = settings.find(user.getId()).orElse(new SettingStore.Stored("ja", TaskMail.IMMEDIATE));
    String email = user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail().strip();
    return new Recipient(user.getId(), email, s.language(), s.taskMail());
  }
}
