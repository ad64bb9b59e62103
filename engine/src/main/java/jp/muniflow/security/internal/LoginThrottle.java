package jp.muniflow.security.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.muniflow.security.ThrottledSignIns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing: failed sign-ins count per user id <em>and</em> client address. After {@value #FREE_FAILURES}
 * failures within {@link #WINDOW}, each further attempt from that address must wait, the longer the more it failed:
 * {@link #FIRST_DELAY} after the fifth failure, doubling with each further one, at most {@link #MAX_DELAY}. Attempts
 * during the wait are refused whatever the password, and not counted. Kept in the database so that it holds across
 * all nodes.
 *
 * <p>Someone guessing from elsewhere thus slows only themselves: the real user at their own address signs in as
 * before. The earlier throttle counted per user id only, and anybody who knew an id as predictable as
 * {@code staff-131016} could keep that user out. Camunda's own lock-out (for good, after ten failures) stays off
 * ({@code EngineHardeningPlugin}). The client address is the one Tomcat resolved: {@code X-Forwarded-For} counts only
 * from the trusted proxies ({@code muniflow.http.trusted-proxies}), so a client cannot pick a fresh address per guess.
 *
 * <p>Administrators see who is being slowed on the audit page and may release a user id at an address
 * ({@link ThrottledSignIns}; the release is audited there).
 */
@Component
class LoginThrottle implements ThrottledSignIns {

  static final int FREE_FAILURES = 5;
  static final Duration FIRST_DELAY = Duration.ofSeconds(15);
  static final Duration MAX_DELAY = Duration.ofMinutes(15);
  static final Duration WINDOW = Duration.ofHours(1);
  private static final Duration KEEP = Duration.ofDays(1);
  private static final int MAX_LISTED = 200;

  private final JdbcClient jdbc;
  private final Clock clock;

  LoginThrottle(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** How long this client must wait before its next attempt for this user id; zero if it may try now. */
  Duration waitFor(String username, String clientAddress) {
    Instant now = Instant.now(clock);
    Instant until = jdbc.sql("select count(*) as failures, max(failed_at) as last_failure from mf_login_failure"
            + " where username = ? and client_address = ? and failed_at > ?")
        .params(username, clientAddress, Timestamp.from(now.minus(WINDOW)))
        .query((rs, n) -> rs.getInt("failures") < FREE_FAILURES ? now
            : until(rs.getInt("failures"), rs.getTimestamp("last_failure").toInstant()))
        .single();
    return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
  }

  /** The delay after {@code failures} failures: none below {@value #FREE_FAILURES}, then doubling up to the cap. */
  static Duration delayAfter(int failures) {
    if (failures < FREE_FAILURES) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - FREE_FAILURES, 16);
    Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  private static Instant until(int failures, Instant lastFailure) {
    return lastFailure.plus(delayAfter(failures));
  }

  void recordFailure(String username, String clientAddress) {
    Instant now = Instant.now(clock);
    jdbc.sql("insert into mf_login_failure (username, client_address, failed_at) values (?, ?, ?)")
        .params(username, clientAddress, Timestamp.from(now)).update();
    jdbc.sql("delete from mf_login_failure where failed_at < ?").param(Timestamp.from(now.minus(KEEP))).update();
  }

  /** A successful sign-in forgets the failures of this user id at this address; those elsewhere still count. */
  void clear(String username, String clientAddress) {
    jdbc.sql("delete from mf_login_failure where username = ? and client_address = ?").params(username, clientAddress)
        .update();
  }

  /** The user ids that failed often enough at an address to be slowed down there, the latest first. */
  @Override
  public List<Throttled> current() {
    Instant now = Instant.now(clock);
    return jdbc.sql("select username, client_address, count(*) as failures, max(failed_at) as last_failure"
            + " from mf_login_failure where failed_at > :since and client_address is not null"
            + " group by username, client_address having count(*) >= :free"
            + " order by max(failed_at) desc fetch first " + MAX_LISTED + " rows only")
        .param("since", Timestamp.from(now.minus(WINDOW))).param("free", FREE_FAILURES)
        .query((rs, n) -> {
          Instant last = rs.getTimestamp("last_failure").toInstant();
          return new Throttled(rs.getString("username"), rs.getString("client_address"), rs.getInt("failures"), last,
              until(rs.getInt("failures"), last));
        })
        .list();
  }

  @Override
  public int release(String username, String clientAddress) {
    return jdbc.sql("delete from mf_login_failure where username = ? and client_address = ?")
        .params(username, clientAddress).update();
  }
}
