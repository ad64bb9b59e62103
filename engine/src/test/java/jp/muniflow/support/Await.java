package jp.muniflow.support;

import java.time.Duration;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits for what the job executor does after a request returns (async continuations, notices), with Awaitility: the
 * probe is asked at once and then every 50 ms; an exception of the probe ends the wait at once.
 *
 * <p>Awaitility would by default also end the wait with any exception left uncaught on another thread of the JVM.
 * The tests' own servers throw those by design: GreenMail's handler thread throws when a connection is cut in the
 * middle of a message, which is what {@code MailClusterIT} does on purpose. A wait here is about its probe only.
 */
public final class Await {

  private static final Duration POLL = Duration.ofMillis(50);

  private Await() {
  }

  public static <T> T until(String what, Supplier<T> probe) {
    return until(what, Duration.ofSeconds(30), probe);
  }

  /** Polls {@code probe} until it returns a non-null value other than {@code false}; fails after {@code timeout}. */
  public static <T> T until(String what, Duration timeout, Supplier<T> probe) {
    try {
      return Awaitility.await(what).atMost(timeout).dontCatchUncaughtExceptions().pollDelay(Duration.ZERO).pollInterval(POLL)
          .until(probe::get, value -> value != null && !Boolean.FALSE.equals(value));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what, e);
    }
  }
}
