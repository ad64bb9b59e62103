package jp.muniflow.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import jp.muniflow.notification.NotificationProperties;
import org.junit.jupiter.api.Test;

/** The wait between attempts: the first retry, doubling, never more than the maximum. */
class OutboxSenderBackoffTest {

  @Test
  void waits_double_from_the_first_retry_up_to_the_maximum() {
    NotificationProperties p = new NotificationProperties("http://localhost:8080", "MuniFlow <noreply@example>", null,
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofHours(1), 12, LocalTime.of(8, 30), Duration.ofSeconds(30));
    OutboxSender sender = new OutboxSender(null, null, new org.springframework.transaction.support.AbstractPlatformTransactionManager() {
      @Override
      protected Object doGetTransaction() {
        return new Object();
      }

      @Override
      protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {
      }

      @Override
      protected void doCommit(org.springframework.transaction.support.DefaultTransactionStatus status) {
      }

      @Override
      protected void doRollback(org.springframework.transaction.support.DefaultTransactionStatus status) {
      }
    }, p, Clock.systemUTC());
    assertThat(sender.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(sender.backoff(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(sender.backoff(3)).isEqualTo(Duration.ofMinutes(2));
    assertThat(sender.backoff(7)).isEqualTo(Duration.ofMinutes(32));
    assertThat(sender.backoff(8)).as("64 minutes, capped").isEqualTo(Duration.ofHours(1));
    assertThat(sender.backoff(20)).isEqualTo(Duration.ofHours(1));
  }
}
