package jp.muniflow.ui;

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
  private final Viewer viewer;

  PageText(MessageSource messages, Viewer viewer) {
    this.messages = messages;
    this.viewer = viewer;
  }

  /** The secretariats of a plan's program, by name. */
  public String secretariats(java.util.List<String> ids) {
    java.util.Locale locale = LocaleContextHolder.getLocale();
    return String.join(", ", ids.stream().map(id -> viewer.secretariatName(id, locale)).toList());
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
        .format(instant.atZone(jp.muniflow.platform.JapanTime.ZONE));
  }

  /** A moment as Japan's local time, to the second: the audit log's. */
  public String atSecond(java.time.Instant instant) {
    return instant == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .format(instant.atZone(jp.muniflow.platform.JapanTime.ZONE));
  }

  /** A moment of the engine as Japan's local time, to the minute. */
  public String at(java.time.OffsetDateTime moment) {
    return moment == null ? "" : at(moment.toInstant());
  }

  /** The day of a moment in Japan, for due dates. */
  public String day(java.time.OffsetDateTime moment) {
    return moment == null ? "" : moment.atZoneSameInstant(jp.muniflow.platform.JapanTime.ZONE).toLocalDate().toString();
  }

  public String yen(Long amount) {
    if (amount == null) {
      return "";
    }
    return messages.getMessage("page.yen", new Object[] {String.format("%,d", amount)}, LocaleContextHolder.getLocale());
  }
}
