package jp.muniflow.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Passwords that bcrypt accepted in the last minute, so that an API client sending HTTP Basic with every request
 * does not pay a bcrypt check (about 70 ms of one core at strength 10) for each one: with 8 clients on 2 cores that
 * alone put the 95th percentile of a task completion far above 100 ms (docs/performance.md).
 *
 * <p>What it keeps cannot give a password back: the key of an entry is an HMAC of user id and password under a key
 * drawn at random when the process starts and never stored, and the entry holds only the user's stored password hash
 * at the time of the check. An entry counts only while
 * <ul>
 *   <li>it is younger than {@link #LIFETIME};</li>
 *   <li>the user's stored password hash is still the one bcrypt checked against: a password changed anywhere (the
 *       Camunda webapps, its REST API, another node) invalidates it at once, since the caller reads the hash afresh
 *       for every request;</li>
 *   <li>the user is not locked, and no sign-in of theirs has failed since ({@link #forget}).</li>
 * </ul>
 * The login throttle is checked before this cache, so a throttled user is refused whatever is remembered here, and a
 * wrong password always goes to bcrypt and counts as a failure. At most {@link #MAX_ENTRIES} entries are kept.
 */
@Component
class VerifiedPasswords {

  static final Duration LIFETIME = Duration.ofSeconds(60);
  static final int MAX_ENTRIES = 10_000;

  private final Clock clock;
  private final SecretKeySpec key;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  VerifiedPasswords(Clock clock) {
    this.clock = clock;
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.key = new SecretKeySpec(random, "HmacSHA256");
  }

  private record Entry(String username, String storedHash, Instant expires) {
  }

  /** Whether bcrypt accepted this password for this user within {@link #LIFETIME}, against the same stored hash. */
  boolean contains(String username, String password, String storedHash) {
    if (storedHash == null) {
      return false;
    }
    String id = id(username, password);
    Entry entry = entries.get(id);
    if (entry == null) {
      return false;
    }
    if (!entry.username().equals(username) || !entry.storedHash().equals(storedHash)
        || !Instant.now(clock).isBefore(entry.expires())) {
      entries.remove(id, entry);
      return false;
    }
    return true;
  }

  /** Remembers a password that bcrypt has just accepted against {@code storedHash}. */
  void remember(String username, String password, String storedHash) {
    if (storedHash == null) {
      return;
    }
    Instant now = Instant.now(clock);
    if (entries.size() >= MAX_ENTRIES) {
      entries.values().removeIf(e -> !now.isBefore(e.expires()));
      if (entries.size() >= MAX_ENTRIES) {
        // more distinct users in one minute than expected: start afresh rather than grow; they pay bcrypt once more
        entries.clear();
      }
    }
    entries.put(id(username, password), new Entry(username, storedHash, now.plus(LIFETIME)));
  }

  /** Forgets every password remembered for the user: after a failed sign-in, a lock or a change. */
  void forget(String username) {
    entries.values().removeIf(e -> e.username().equals(username));
  }

  int size() {
    return entries.size();
  }

  private String id(String username, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(username.getBytes(StandardCharsets.UTF_8));
      // a separator that neither a user id nor the HMAC input can confuse: user "a" + password "bc" is not "ab" + "c"
      mac.update((byte) 0);
      mac.update(password.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
