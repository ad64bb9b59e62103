package jp.muniflow.notification.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.muniflow.notification.MailOutbox;
import jp.muniflow.notification.Notification;
import jp.muniflow.notification.NotificationSetting;
import jp.muniflow.notification.NotificationSettings;
import jp.muniflow.notification.Notifications;
import jp.muniflow.notification.OutboxMessage;
import jp.muniflow.security.MuniFlowUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notifications over HTTP: the caller's お知らせ and their settings; for administrators ({@code /api/admin/**}),
 * the mail outbox and resending a failed message.
 */
@RestController
class NotificationController {

  private final Notifications notifications;
  private final NotificationSettings settings;
  private final MailOutbox outbox;

  NotificationController(Notifications notifications, NotificationSettings settings, MailOutbox outbox) {
    this.notifications = notifications;
    this.settings = settings;
    this.outbox = outbox;
  }

  @GetMapping("/api/notifications")
  Inbox list(@AuthenticationPrincipal MuniFlowUser user, Locale locale) {
    return new Inbox(notifications.unread(user.username()), notifications.latest(user.username(), locale));
  }

  @PostMapping("/api/notifications/{id}/read")
  ResponseEntity<Void> read(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id) {
    notifications.markRead(user.username(), id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/notifications/read-all")
  Map<String, Integer> readAll(@AuthenticationPrincipal MuniFlowUser user) {
    return Map.of("marked", notifications.markAllRead(user.username()));
  }

  @GetMapping("/api/me/notification-settings")
  NotificationSetting settings(@AuthenticationPrincipal MuniFlowUser user) {
    return settings.of(user.username());
  }

  /** {@code {language: ja|en, taskMail: IMMEDIATE|DIGEST|NONE}}. */
  @PutMapping("/api/me/notification-settings")
  NotificationSetting save(@AuthenticationPrincipal MuniFlowUser user, @RequestBody(required = false) Map<String, Object> body) {
    Map<String, Object> b = body == null ? Map.of() : body;
    return settings.save(user.username(), b.get("language"), b.get("taskMail"));
  }

  @GetMapping("/api/admin/mail-outbox")
  List<OutboxMessage> outbox(@RequestParam(required = false) String status) {
    return outbox.latest(status);
  }

  @GetMapping("/api/admin/mail-outbox/{id}")
  OutboxMessage message(@PathVariable String id) {
    return outbox.get(id);
  }

  @PostMapping("/api/admin/mail-outbox/{id}/resend")
  OutboxMessage resend(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id) {
    return outbox.resend(user.username(), id);
  }

  /** The caller's notices, newest first, and how many are unread. */
  record Inbox(long unread, List<Notification> items) {
  }
}
