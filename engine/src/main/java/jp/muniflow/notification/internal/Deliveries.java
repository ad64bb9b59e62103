package jp.muniflow.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import jp.muniflow.notification.NotificationProperties;
import jp.muniflow.notification.TaskMail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes what an event tells, in the event's own transaction: each user's in-app notice, and the mail (rendered now,
 * in the recipient's language, so that a resent message is the same message) into the outbox. Nothing leaves the
 * machine here: the sender delivers the outbox after the transaction has committed, so an SMTP server that is down
 * never blocks or rolls back a process step, and a step that rolls back leaves no mail behind.
 */
@Component
public class Deliveries {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Deliveries.class);

  private final NotificationStore notices;
  private final OutboxStore outbox;
  private final MailTemplates templates;
  private final NotificationText text;
  private final NotificationProperties properties;
  private final MailSwitch mail;
  private final OutboxSender sender;
  private final Clock clock;

  Deliveries(NotificationStore notices, OutboxStore outbox, MailTemplates templates, NotificationText text,
      NotificationProperties properties, MailSwitch mail, OutboxSender sender, Clock clock) {
    this.notices = notices;
    this.outbox = outbox;
    this.templates = templates;
    this.text = text;
    this.properties = properties;
    this.mail = mail;
    this.sender = sender;
    this.clock = clock;
  }

  /**
   * What an event tells.
   *
   * @param key the event's key: with a recipient, the key of its notice and its mail (written once)
   * @param kind {@code task-offered}, {@code task-assigned}, {@code correction-reminder}, …
   * @param variant a more specific template tried first ({@code task-offered.reviewPlan}), or null
   * @param isTaskMail whether the users' choice for task mail (immediately, digest, none) applies
   * @param link the path of the page where the user acts
   */
  public record Event(String key, String kind, String variant, boolean isTaskMail, String tenantId, String link,
      Map<String, String> params) {
  }

  public void toUsers(Event event, List<Recipients.Recipient> users) {
    to(event, users, null);
  }

  /** Mail to an address that is no user's (a municipality's contact address), in Japanese. */
  public void toAddress(Event event, String address) {
    to(event, List.of(), address);
  }

  /**
   * What an event tells its users, and by mail an address that is no user's (null: none), in two batches whatever
   * the number of users: their in-app notices, then the mail of those whose notice is new.
   */
  public void to(Event event, List<Recipients.Recipient> users, String address) {
    boolean mailOn = mail.enabled();
    Instant now = clock.instant();
    List<OutboxStore.Queued> mails = new ArrayList<>();
    if (mailOn && address != null) {
      mails.add(message(event, address, null, "ja", now));
    }
    if (!users.isEmpty()) {
      String params = text.write(event.params());
      List<NotificationStore.Row> rows = users.stream().map(user -> new NotificationStore.Row(UUID.randomUUID().toString(),
          user.userId(), event.key(), event.kind(), event.tenantId(), event.link(), params, now, null,
          digest(event, user, mailOn) ? NotificationStore.DIGEST_PENDING : null)).toList();
      boolean[] inserted = notices.insertAllIfAbsent(rows);
      for (int i = 0; i < users.size(); i++) {
        Recipients.Recipient user = users.get(i);
        boolean immediate = !event.isTaskMail() || user.taskMail() == TaskMail.IMMEDIATE;
        if (inserted[i] && immediate && user.email() != null && mailOn) {
          mails.add(message(event, user.email(), user.userId(), user.language(), now));
        }
      }
    }
    wakeSenderAfterCommit(outbox.queueAllIfAbsent(mails) > 0);
  }

  private static boolean digest(Event event, Recipients.Recipient user, boolean mailOn) {
    return event.isTaskMail() && user.taskMail() == TaskMail.DIGEST && user.email() != null && mailOn;
  }

  private OutboxStore.Queued message(Event event, String address, String userId, String language, Instant now) {
    Locale locale = Locale.forLanguageTag(language);
    Map<String, Object> values = new LinkedHashMap<>(event.params());
    values.put("title", text.title(event.kind(), event.params(), locale));
    values.put("about", text.about(event.params(), locale));
    values.put("municipality", text.municipality(event.params(), locale));
    if (event.params().containsKey("deadline")) {
      values.put("deadline", text.deadline(event.params(), locale));
    }
    if (event.params().containsKey("taskKey")) {
      values.put("taskName", text.taskName(event.params(), locale));
    }
    values.put("link", properties.baseUrl() + event.link());
    values.put("user", userId);
    List<String> names = new ArrayList<>();
    if (event.variant() != null) {
      names.add(event.variant());
    }
    names.add(event.kind());
    RenderedMail rendered;
    try {
      rendered = templates.render(names, language, values);
    } catch (RuntimeException e) {
      // never let a template stop the step: the title and the link, which the bundles always give
      log.error("Mail template {} ({}) failed; the message is sent as its title and link", names, language, e);
      rendered = new RenderedMail("[MuniFlow] " + values.get("title"), values.get("title") + "\n\n" + values.get("link") + "\n",
          null);
    }
    return new OutboxStore.Queued(UUID.randomUUID().toString(), event.key(), event.kind(), address, userId,
        event.tenantId(), language, rendered, now);
  }

  private void wakeSenderAfterCommit(boolean queued) {
    if (queued && TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          sender.wake();
        }
      });
    }
  }
}
