package jp.muniflow.modeling.internal.gate;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The gate's messages in the language of whoever deploys. The gate runs deep inside the engine, on the request's
 * thread: the request (kept by Spring's RequestContextFilter for every servlet, Camunda's REST API included) gives
 * the language through the application's locale resolver — the user's choice, else Accept-Language, else Japanese.
 * Without a request (start-up, a job) the messages are Japanese.
 */
@Component
public class GateMessages {

  private final MessageSource messages;
  private final LocaleResolver locales;

  GateMessages(MessageSource messages, LocaleResolver locales) {
    this.messages = messages;
    this.locales = locales;
  }

  public Locale locale() {
    Locale locale = null;
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      locale = locales.resolveLocale(request);
    } else {
      LocaleContext context = LocaleContextHolder.getLocaleContext();
      locale = context == null ? null : context.getLocale();
    }
    return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.JAPANESE;
  }

  public List<String> messages(List<Violation> violations) {
    Locale locale = locale();
    return violations.stream().map(v -> v.message(messages, locale)).toList();
  }

  String summary(List<Violation> violations) {
    Locale locale = locale();
    String head = messages.getMessage("gate.refused", new Object[] {violations.size()}, "refused", locale);
    StringBuilder text = new StringBuilder(head);
    for (Violation v : violations) {
      text.append('\n').append("- ").append(v.message(messages, locale));
    }
    return text.toString();
  }
}
