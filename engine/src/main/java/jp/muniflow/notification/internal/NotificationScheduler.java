package jp.muniflow.notification.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jp.muniflow.notification.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the sender every {@code send-interval} and looks for due digests every minute, on every node, from the moment
 * the application is up until it stops; nothing runs without a mail server.
 */
@Component
class NotificationScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(NotificationScheduler.class);

  private final OutboxSender sender;
  private final DailyDigest digest;
  private final NotificationProperties properties;
  private final MailSwitch mail;
  private ScheduledExecutorService timer;

  NotificationScheduler(OutboxSender sender, DailyDigest digest, NotificationProperties properties, MailSwitch mail) {
    this.sender = sender;
    this.digest = digest;
    this.properties = properties;
    this.mail = mail;
  }

  @Override
  public void start() {
    if (!mail.enabled()) {
      log.info("No mail server configured (spring.mail.host): people are told in the app only");
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mail-timer");
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(100, properties.sendInterval().toMillis());
    timer.scheduleWithFixedDelay(sender::wake, every, every, TimeUnit.MILLISECONDS);
    timer.scheduleWithFixedDelay(() -> {
      try {
        digest.runIfDue();
      } catch (RuntimeException e) {
        log.warn("Daily digest: {}", e.toString());
      }
    }, 30, 60, TimeUnit.SECONDS);
  }

  @Override
  public void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
    sender.stop();
  }

  @Override
  public boolean isRunning() {
    return timer != null;
  }
}
