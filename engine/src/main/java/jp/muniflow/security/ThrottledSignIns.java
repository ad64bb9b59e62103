package jp.muniflow.security;

import java.time.Instant;
import java.util.List;

/**
 * The sign-in throttle as administrators see it: the user ids being slowed down at a client address after failed
 * sign-ins, and the release of one (docs/operations.md, security).
 */
public interface ThrottledSignIns {

  /** A user id being slowed down at one client address: its failures there, the last one, the next allowed attempt. */
  record Throttled(String username, String clientAddress, int failures, Instant lastFailure, Instant until) {
  }

  /** The user ids slowed down at an address now or lately, the latest failure first. */
  List<Throttled> current();

  /**
   * Forgets the failures of the user id at the address, so that it may sign in from there at once.
   *
   * @return how many failed sign-ins were forgotten; 0 if it was not being slowed down there
   */
  int release(String username, String clientAddress);
}
