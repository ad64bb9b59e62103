package jp.muniflow.ui.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import jp.muniflow.platform.PageController;
import jp.muniflow.ui.LocalPaths;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The header's language switch: Japanese or English, remembered in the locale cookie for the next visits. A form
 * post (with its CSRF token) rather than a link, since it changes what the browser keeps.
 */
@PageController
class LanguageController {

  private final LocaleResolver locales;

  LanguageController(LocaleResolver locales) {
    this.locales = locales;
  }

  @PostMapping("/language")
  String change(@RequestParam String lang, @RequestParam(required = false) String back, HttpServletRequest request,
      HttpServletResponse response) {
    Locale locale = "en".equals(lang) ? Locale.ENGLISH : Locale.JAPANESE;
    locales.setLocale(request, response, locale);
    return "redirect:" + LocalPaths.of(back);
  }

}
