package jp.muniflow.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for what the job executor does after a request returns (async continuations, notices). */
public final class Await {

  private Await() {
  }

  public static <T> T until(String what, Supplier<T> probe) {
    return until(what, Duration.ofSeconds(30), probe);
  }

  /** Polls {@code probe} until it returns a non-null value other than {@code false}; fails after {@code timeout}. */
  public static <T> T until(String what, Duration timeout, Supplier<T> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T value = probe.get();
      if (value != null && !Boolean.FALSE.equals(value)) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }
}
