package jp.muniflow.ui;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import jp.muniflow.security.CurrentUser;
import jp.muniflow.tenants.GroupIds;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What every page's header shows: who is signed in, for which municipality or secretariat, what they may open, and
 * where the language switch returns to. Every page controller's model gets it before its handler runs; a page drawn
 * by an exception handler, which Spring gives an empty model, asks for it here, so that an error page keeps the
 * same header (the user, sign-out, the menu).
 */
@Component
public class PageLayout {

  private final Viewer viewer;

  PageLayout(Viewer viewer) {
    this.viewer = viewer;
  }

  /** The header's model for the request being answered. */
  public void addTo(Model model) {
    HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    addTo(model, LocaleContextHolder.getLocale(), request);
  }

  public void addTo(Model model, Locale locale, HttpServletRequest request) {
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
