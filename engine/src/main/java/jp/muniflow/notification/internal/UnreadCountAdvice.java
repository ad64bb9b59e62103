package jp.muniflow.notification.internal;

import jp.muniflow.notification.Notifications;
import jp.muniflow.platform.PageController;
import jp.muniflow.security.CurrentUser;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's header shows how many of the user's お知らせ are unread. */
@ControllerAdvice(annotations = PageController.class)
class UnreadCountAdvice {

  private final Notifications notifications;

  UnreadCountAdvice(Notifications notifications) {
    this.notifications = notifications;
  }

  @ModelAttribute
  void unread(Model model) {
    CurrentUser.find().ifPresent(user -> model.addAttribute("unreadNotifications", notifications.unread(user.username())));
  }
}
