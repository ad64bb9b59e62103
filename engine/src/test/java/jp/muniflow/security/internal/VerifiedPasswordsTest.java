package jp.muniflow.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-11-28T09:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final HandClock clock = new HandClock();
  private final VerifiedPasswords verified = new VerifiedPasswords(clock);

  @Test
  void a_remembered_password_counts_only_for_the_same_user_password_and_stored_hash() {
    verified.remember("staff-131016", "demo-password", "$2a$10$hash");
    assertThat(verified.contains("staff-131016", "demo-password", "$2a$10$hash")).isTrue();
    assertThat(verified.contains("staff-131016", "demo-passwor", "$2a$10$hash")).isFalse();
    assertThat(verified.contains("staff-132012", "demo-password", "$2a$10$hash")).isFalse();
    assertThat(verified.contains("staff-131016", "demo-password", "$2a$10$other")).as("password changed").isFalse();
    assertThat(verified.contains("staff-131016", "demo-password", "$2a$10$hash")).as("forgotten on the change").isFalse();
    assertThat(verified.contains("staff-131016", "demo-password", null)).isFalse();
  }

  @Test
  void user_and_password_are_not_run_together() {
    verified.remember("ab", "c-password", "h");
    assertThat(verified.contains("a", "bc-password", "h")).isFalse();
  }

  @Test
  void it_expires_after_its_lifetime() {
    verified.remember("staff-131016", "demo-password", "h");
    clock.now = clock.now.plus(VerifiedPasswords.LIFETIME).minusSeconds(1);
    assertThat(verified.contains("staff-131016", "demo-password", "h")).isTrue();
    clock.now = clock.now.plus(Duration.ofSeconds(1));
    assertThat(verified.contains("staff-131016", "demo-password", "h")).isFalse();
  }

  @Test
  void forget_drops_every_entry_of_the_user_only() {
    verified.remember("staff-131016", "one-password", "h");
    verified.remember("staff-131016", "two-password", "h");
    verified.remember("staff-132012", "one-password", "h");
    verified.forget("staff-131016");
    assertThat(verified.contains("staff-131016", "one-password", "h")).isFalse();
    assertThat(verified.contains("staff-131016", "two-password", "h")).isFalse();
    assertThat(verified.contains("staff-132012", "one-password", "h")).isTrue();
  }

  @Test
  void it_never_holds_more_than_its_bound() {
    for (int i = 0; i < VerifiedPasswords.MAX_ENTRIES + 50; i++) {
      verified.remember("user-" + i, "password", "h");
    }
    assertThat(verified.size()).isLessThanOrEqualTo(VerifiedPasswords.MAX_ENTRIES);
    assertThat(verified.contains("user-" + (VerifiedPasswords.MAX_ENTRIES + 49), "password", "h")).isTrue();
  }
}
