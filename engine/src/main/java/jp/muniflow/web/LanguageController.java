package jp.muniflow.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The header's language switch: Japanese or English, remembered in the locale cookie for the next visits. A form
 * post (with its CSRF token) rather than a link, since it changes what the browser keeps.
 */
@Controller
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
    return "redirect:" + localPath(back);
  }

  /** Only a path of this site: an address of another site would make the switch an open redirect. */
  static String localPath(String back) {
    if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\") || back.contains("\r")
        || back.contains("\n")) {
      return "/";
    }
    return back;
  }
}
