package jp.muniflow.notification.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jp.muniflow.engineadapter.AsSystem;
import jp.muniflow.engineadapter.DirectoryChanged;
import jp.muniflow.notification.NotificationProperties;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The members of a group as the engine's directory lists them (id and mail address), kept in memory for a short
 * time: every notice issued to a municipality tells its staff, and asking the directory each time was one of the
 * notice's few round trips to the database. A change on this node (any engine command that saves or deletes a user
 * or makes or removes a membership, {@link DirectoryChanged}) empties the copy at once, so nobody who left a group
 * here hears of its next event; on another node the copy is at most {@code muniflow.notifications.members-kept-for}
 * old (30 s; 0 keeps nothing). Directory users' groups already change only at their next sign-in.
 */
@Component
class GroupMembers {

  /** A member as the directory gives them: the id and the mail address (null: none kept). */
  record Member(String userId, String email) {

    static Member of(User user) {
      String email = user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail().strip();
      return new Member(user.getId(), email);
    }
  }

  /** @param until {@link System#nanoTime()} at which the copy is too old (a monotonic clock: no test clock moves it) */
  private record Kept(List<Member> members, long until) {
  }

  private final IdentityService identity;
  private final AsSystem asSystem;
  private final NotificationProperties properties;
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();
  /** Counts the changes: a copy read while one committed is not kept (it may be of the directory before it). */
  private final AtomicLong changes = new AtomicLong();

  GroupMembers(IdentityService identity, AsSystem asSystem, NotificationProperties properties) {
    this.identity = identity;
    this.asSystem = asSystem;
    this.properties = properties;
  }

  List<Member> of(String group) {
    long now = System.nanoTime();
    Kept copy = kept.get(group);
    if (copy != null && now - copy.until() < 0) {
      return copy.members();
    }
    long changesBefore = changes.get();
    List<Member> members = asSystem.call(() -> identity.createUserQuery().memberOfGroup(group).list()).stream()
        .map(Member::of).toList();
    if (!properties.membersKeptFor().isNegative() && !properties.membersKeptFor().isZero() && changes.get() == changesBefore) {
      Kept fresh = new Kept(members, now + properties.membersKeptFor().toNanos());
      kept.put(group, fresh);
      if (changes.get() != changesBefore) {
        // a change came between the check and the put, and its clearing may have run before the put
        kept.remove(group, fresh);
      }
    }
    return members;
  }

  @EventListener
  void on(DirectoryChanged changed) {
    changes.incrementAndGet();
    kept.clear();
  }
}
