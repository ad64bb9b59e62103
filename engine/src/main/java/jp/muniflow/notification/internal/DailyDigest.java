package jp.muniflow.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import jp.muniflow.notification.NotificationProperties;
import jp.muniflow.platform.JapanTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest at 08:30 JST: one mail per user with the task notices they chose to receive that way, collected
 * since the last one. Looked for every minute by every node, so a node that was down at 08:30 sends it when it comes
 * back; each user's digest is composed in one transaction that locks their waiting notices, so two nodes never send
 * two digests of the same notices.
 */
@Component
public class DailyDigest {

  private final NotificationStore notices;
  private final OutboxStore outbox;
  private final MailTemplates templates;
  private final NotificationText text;
  private final Recipients recipients;
  private final NotificationProperties properties;
  private final MailSwitch mail;
  private final OutboxSender sender;
  private final TransactionTemplate transactions;
  private final Clock clock;

  DailyDigest(NotificationStore notices, OutboxStore outbox, MailTemplates templates, NotificationText text,
      Recipients recipients, NotificationProperties properties, MailSwitch mail, OutboxSender sender,
      PlatformTransactionManager transactions, Clock clock) {
    this.notices = notices;
    this.outbox = outbox;
    this.templates = templates;
    this.text = text;
    this.recipients = recipients;
    this.properties = properties;
    this.mail = mail;
    this.sender = sender;
    this.transactions = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** The last digest time that has passed at {@code instant}: that day's 08:30 in Japan, or the day before's. */
  Instant lastDigestTime(Instant instant) {
    ZonedDateTime now = instant.atZone(JapanTime.ZONE);
    ZonedDateTime today = now.toLocalDate().atTime(properties.digestTime()).atZone(JapanTime.ZONE);
    return (now.isBefore(today) ? today.minusDays(1) : today).toInstant();
  }

  /** Sends the digests due now; returns how many. */
  public int runIfDue() {
    return runAt(clock.instant());
  }

  /**
   * Sends the digests due at {@code now}: each user's notices waiting since before the last digest time. Returns how
   * many digests were queued.
   */
  public int runAt(Instant now) {
    if (!mail.enabled()) {
      return 0;
    }
    Instant before = lastDigestTime(now);
    int digests = 0;
    for (String user : notices.usersWithPendingDigest(before)) {
      Boolean queued = transactions.execute(status -> digest(user, before));
      if (Boolean.TRUE.equals(queued)) {
        digests++;
      }
    }
    if (digests > 0) {
      sender.wake();
    }
    return digests;
  }

  private boolean digest(String userId, Instant before) {
    List<NotificationStore.Row> rows = notices.lockPendingDigest(userId, before);
    if (rows.isEmpty()) {
      return false;
    }
    Recipients.Recipient user = recipients.users(List.of(userId), false).stream().findFirst().orElse(null);
    notices.markDigested(rows.stream().map(NotificationStore.Row::id).toList());
    if (user == null || user.email() == null) {
      return false;
    }
    Locale locale = Locale.forLanguageTag(user.language());
    List<Map<String, String>> items = new ArrayList<>();
    for (NotificationStore.Row row : rows) {
      Map<String, String> params = text.read(row.params());
      items.add(Map.of("title", text.title(row.kind(), params, locale),
          "link", properties.baseUrl() + (row.link() == null ? "/notifications" : row.link())));
    }
    LocalDate day = before.atZone(JapanTime.ZONE).toLocalDate();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("items", items);
    values.put("count", items.size());
    values.put("day", day.toString());
    values.put("user", userId);
    values.put("link", properties.baseUrl() + "/tasks");
    RenderedMail rendered = templates.render(List.of("digest"), user.language(), values);
    return outbox.queueIfAbsent(UUID.randomUUID().toString(), "digest:" + userId + ":" + day, "digest", user.email(),
        userId, null, user.language(), rendered, clock.instant());
  }
}
