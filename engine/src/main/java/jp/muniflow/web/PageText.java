package jp.muniflow.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Names the pages show for things the models name: steps, processes, outcomes. In the page's language from the
 * bundles; a step of a model an administrator added later shows the name its model gives it.
 * Used in the templates as {@code ${@pageText.step(id, name)}}.
 */
@Component("pageText")
class PageText {

  private final MessageSource messages;

  PageText(MessageSource messages) {
    this.messages = messages;
  }

  public String step(String id, String modelName) {
    return messages.getMessage("step." + id, null, modelName == null ? id : modelName, LocaleContextHolder.getLocale());
  }

  public String outcome(String decision) {
    if (decision == null || decision.isEmpty()) {
      return "";
    }
    return messages.getMessage("outcome." + decision, null, decision, LocaleContextHolder.getLocale());
  }

  /** A moment as Japan's local time, to the minute. */
  public String at(java.time.Instant instant) {
    return instant == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .format(instant.atZone(jp.muniflow.system.JapanTime.ZONE));
  }

  public String yen(Long amount) {
    if (amount == null) {
      return "";
    }
    return messages.getMessage("page.yen", new Object[] {String.format("%,d", amount)}, LocaleContextHolder.getLocale());
  }
}
