package jp.muniflow.notification.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import jp.muniflow.notification.MailOutbox;
import jp.muniflow.notification.NotificationSettings;
import jp.muniflow.notification.Notifications;
import jp.muniflow.notification.TaskMail;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.platform.PageController;
import jp.muniflow.platform.Problems;
import jp.muniflow.security.MuniFlowUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** お知らせ (the user's notices), 通知設定 (their settings), and the administrators' mail outbox ({@code /admin/mail}). */
@PageController
class NotificationPages {

  private final Notifications notifications;
  private final NotificationSettings settings;
  private final MailOutbox outbox;
  private final Problems problems;

  NotificationPages(Notifications notifications, NotificationSettings settings, MailOutbox outbox, Problems problems) {
    this.notifications = notifications;
    this.settings = settings;
    this.outbox = outbox;
    this.problems = problems;
  }

  @GetMapping("/notifications")
  String list(@AuthenticationPrincipal MuniFlowUser user, Locale locale, Model model) {
    model.addAttribute("items", notifications.latest(user.username(), locale));
    return "notification/list";
  }

  @PostMapping("/notifications/{id}/read")
  String read(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id, RedirectAttributes redirect) {
    notifications.markRead(user.username(), id);
    redirect.addFlashAttribute("flash", problems.message("page.notifications.marked"));
    return "redirect:/notifications";
  }

  @PostMapping("/notifications/read-all")
  String readAll(@AuthenticationPrincipal MuniFlowUser user, RedirectAttributes redirect) {
    int marked = notifications.markAllRead(user.username());
    redirect.addFlashAttribute("flash", problems.message("page.notifications.all-marked", marked));
    return "redirect:/notifications";
  }

  @GetMapping("/settings/notifications")
  String settings(@AuthenticationPrincipal MuniFlowUser user, Model model) {
    var s = settings.of(user.username());
    return showSettings(s.language(), s.taskMail().name(), s.email(), Map.of(), model);
  }

  @PostMapping("/settings/notifications")
  String saveSettings(@AuthenticationPrincipal MuniFlowUser user, @RequestParam(required = false) String language,
      @RequestParam(required = false) String taskMail, Model model, RedirectAttributes redirect) {
    try {
      settings.save(user.username(), language, taskMail);
      redirect.addFlashAttribute("flash", problems.message("page.notification-settings.saved"));
      return "redirect:/settings/notifications";
    } catch (InvalidInputException e) {
      Map<String, String> errors = new LinkedHashMap<>();
      e.problems().forEach(p -> errors.merge(p.field(), problems.message(p.messageKey(), p.args()), (a, b) -> a + " " + b));
      return showSettings(language, taskMail, settings.of(user.username()).email(), errors, model);
    }
  }

  private String showSettings(String language, String taskMail, String email, Map<String, String> errors, Model model) {
    model.addAttribute("language", language);
    model.addAttribute("taskMail", taskMail);
    model.addAttribute("email", email);
    model.addAttribute("languages", NotificationSettings.LANGUAGES);
    model.addAttribute("choices", TaskMail.values());
    model.addAttribute("errors", errors);
    return "notification/settings";
  }

  @GetMapping("/admin/mail")
  String outbox(@RequestParam(required = false) String status, Model model) {
    model.addAttribute("messages", outbox.latest(status));
    model.addAttribute("status", status == null ? "" : status);
    model.addAttribute("statuses", MailOutbox.STATUSES);
    Map<String, Long> counts = new LinkedHashMap<>();
    MailOutbox.STATUSES.forEach(s -> counts.put(s, outbox.count(s)));
    model.addAttribute("counts", counts);
    return "notification/outbox";
  }

  @PostMapping("/admin/mail/{id}/resend")
  String resend(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id, RedirectAttributes redirect) {
    try {
      var m = outbox.resend(user.username(), id);
      redirect.addFlashAttribute("flash", problems.message("page.outbox.resent", m.recipient()));
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError", problems.message(e.messageKey(), e.args()));
    } catch (NotFoundException e) {
      redirect.addFlashAttribute("flashError", problems.message("mail.not-found"));
    }
    return "redirect:/admin/mail";
  }
}
