package jp.muniflow.security.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Throttles guessing: after {@value #MAX_FAILURES} failed sign-ins of one user id within {@link #WINDOW}, further
 * attempts are refused until the oldest failure leaves the window, whatever the password. Kept in the database so
 * that it holds across all nodes.
 *
 * <p>It replaces Camunda's own lock-out, which locks a user for good after ten failures: with user ids as predictable
 * as {@code staff-131016}, anybody could lock every municipality out.
 */
@Component
class LoginThrottle {

  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(5);
  private static final Duration KEEP = Duration.ofDays(1);

  private final JdbcClient jdbc;
  private final Clock clock;

  LoginThrottle(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** How long the user must wait before the next attempt; zero if they may try now. */
  Duration waitFor(String username) {
    Instant now = Instant.now(clock);
    var recent = jdbc.sql("select failed_at from mf_login_failure where username = ? and failed_at > ? order by failed_at")
        .params(username, Timestamp.from(now.minus(WINDOW))).query(Timestamp.class).list();
    if (recent.size() < MAX_FAILURES) {
      return Duration.ZERO;
    }
    Instant oldestCounted = recent.get(recent.size() - MAX_FAILURES).toInstant();
    Duration wait = Duration.between(now, oldestCounted.plus(WINDOW));
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  void recordFailure(String username) {
    Instant now = Instant.now(clock);
    jdbc.sql("insert into mf_login_failure (username, failed_at) values (?, ?)").params(username, Timestamp.from(now)).update();
    jdbc.sql("delete from mf_login_failure where failed_at < ?").param(Timestamp.from(now.minus(KEEP))).update();
  }

  void clear(String username) {
    jdbc.sql("delete from mf_login_failure where username = ?").param(username).update();
  }
}
