package jp.muniflow.ui.internal;

import java.util.Locale;
import jp.muniflow.platform.PageController;
import jp.muniflow.security.CurrentUser;
import jp.muniflow.tenants.GroupIds;
import jp.muniflow.ui.Viewer;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header shows: who is signed in, for which municipality or secretariat, and what they may open. */
@ControllerAdvice(annotations = PageController.class)
class LayoutAdvice {

  private final Viewer viewer;

  LayoutAdvice(Viewer viewer) {
    this.viewer = viewer;
  }

  @ModelAttribute
  void layout(org.springframework.ui.Model model, Locale locale, jakarta.servlet.http.HttpServletRequest request) {
    // where the language switch returns to: this page, with its filters
    model.addAttribute("currentPath", request.getRequestURI().substring(request.getContextPath().length())
        + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
    CurrentUser.find().ifPresent(user -> {
      model.addAttribute("me", user);
      model.addAttribute("affiliation", viewer.affiliation(user, locale));
      model.addAttribute("isStaff", viewer.isStaff(user));
      model.addAttribute("isSecretariat", viewer.isSecretariat(user));
      model.addAttribute("isCoordinator", viewer.isCoordinator(user));
      model.addAttribute("isManager", viewer.isManager(user));
      model.addAttribute("isAdmin", user.isMemberOf(GroupIds.ADMINS));
    });
  }
}
