package jp.muniflow.notification;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import jp.muniflow.notification.internal.NotificationStore;
import jp.muniflow.notification.internal.NotificationText;
import jp.muniflow.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's in-app notices (お知らせ): the newest first, how many are unread, marking them as read. */
@Service
public class Notifications {

  private final NotificationStore store;
  private final NotificationText text;
  private final Clock clock;

  Notifications(NotificationStore store, NotificationText text, Clock clock) {
    this.store = store;
    this.text = text;
    this.clock = clock;
  }

  public List<Notification> latest(String userId, Locale locale) {
    return store.latest(userId).stream().map(r -> new Notification(r.id(), r.kind(),
        text.title(r.kind(), text.read(r.params()), locale), r.link(), r.createdAt(), r.readAt() != null)).toList();
  }

  public long unread(String userId) {
    return store.unread(userId);
  }

  /** Marks one of the user's notices as read; another user's notice is not found, like a missing one. */
  @Transactional
  public void markRead(String userId, String id) {
    if (!store.markRead(userId, id, clock.instant())) {
      throw new NotFoundException("notification.not-found");
    }
  }

  @Transactional
  public int markAllRead(String userId) {
    return store.markAllRead(userId, clock.instant());
  }
}
