package jp.muniflow.notification.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import jp.muniflow.platform.JapaneseCalendar;
import jp.muniflow.tenants.TenantRegistry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A notice's title in a language, from its kind and parameters: the in-app list shows it in the viewer's language, a
 * mail carries it in the recipient's. Titles are {@code notification.<kind>} in the message bundles.
 */
@Component
public class NotificationText {

  private final MessageSource messages;
  private final TenantRegistry registry;
  private final ObjectMapper json;

  NotificationText(MessageSource messages, TenantRegistry registry, ObjectMapper json) {
    this.messages = messages;
    this.registry = registry;
    this.json = json;
  }

  public String title(String kind, Map<String, String> params, Locale locale) {
    Object[] args = switch (kind) {
      case "task-assigned", "task-offered" -> new Object[] {taskName(params, locale), about(params, locale)};
      case "correction-reminder", "correction-deadline" -> new Object[] {about(params, locale), deadline(params, locale)};
      case "lapsed" -> new Object[] {about(params, locale)};
      case "campaign-reminder" -> new Object[] {params.get("subject"), municipality(params, locale), deadline(params, locale)};
      case "notice-issued" -> new Object[] {params.get("noticeType"), params.get("documentNumber"), municipality(params, locale)};
      default -> new Object[] {};
    };
    return messages.getMessage("notification." + kind, args, kind, locale);
  }

  public String taskName(Map<String, String> params, Locale locale) {
    String key = params.get("taskKey");
    return messages.getMessage("task.name." + key, null, params.getOrDefault("taskName", key), locale);
  }

  /** What it is about: the business key (an application, a plan's year) and the municipality. */
  public String about(Map<String, String> params, Locale locale) {
    String municipality = municipality(params, locale);
    String key = params.getOrDefault("businessKey", "");
    String title = params.get("applicationTitle");
    String what = title == null || title.isBlank() ? key : key + " " + title;
    return municipality.isEmpty() ? what : messages.getMessage("notification.about", new Object[] {what, municipality},
        what, locale);
  }

  /**
   * The deadline, kept as the process gave it (an ISO date, 2027-06-30), as the notices print a day: 令和9年6月30日; in
   * English the western date with the printed one beside it. A value that is no such day is shown as it is.
   */
  public String deadline(Map<String, String> params, Locale locale) {
    String value = params.get("deadline");
    if (value == null) {
      return "";
    }
    try {
      LocalDate day = LocalDate.parse(value);
      return messages.getMessage("notification.day", new Object[] {JapaneseCalendar.format(day), value}, locale);
    } catch (DateTimeParseException notADay) {
      return value;
    }
  }

  public String municipality(Map<String, String> params, Locale locale) {
    String tenant = params.get("tenantId");
    boolean english = "en".equals(locale.getLanguage());
    return tenant == null ? "" : registry.municipality(tenant).map(m -> english ? m.nameEn() : m.name()).orElse(tenant);
  }

  public String write(Map<String, String> params) {
    try {
      return json.writeValueAsString(params);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public Map<String, String> read(String params) {
    try {
      return json.readValue(params, new TypeReference<Map<String, String>>() { });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable notification parameters", e);
    }
  }
}
