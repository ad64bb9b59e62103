package jp.muniflow.platform.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Japanese first, English second. The language is the one the user chose (remembered in a cookie), else the
 * first of Japanese or English that the client asks for, else Japanese.
 */
@Configuration
class LocaleConfiguration {

  static final List<Locale> SUPPORTED = List.of(Locale.JAPANESE, Locale.ENGLISH);
  static final String COOKIE = "muniflow-lang";

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
    resolver.setDefaultLocaleFunction(request -> {
      var ranges = Locale.LanguageRange.parse(headerOrDefault(request.getHeader("Accept-Language")));
      Locale match = Locale.lookup(ranges, SUPPORTED);
      return match != null ? match : Locale.JAPANESE;
    });
    return resolver;
  }

  private static String headerOrDefault(String header) {
    if (header == null || header.isBlank()) {
      return "ja";
    }
    try {
      Locale.LanguageRange.parse(header);
      return header;
    } catch (IllegalArgumentException e) {
      return "ja";
    }
  }
}
