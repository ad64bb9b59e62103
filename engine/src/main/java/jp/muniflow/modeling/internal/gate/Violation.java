package jp.muniflow.modeling.internal.gate;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * One thing the deployment gate refuses: in which resource, at which element (the nearest element with an id), by
 * which rule, and what exactly (the attribute, expression or value that broke it).
 */
public record Violation(String resourceName, String elementId, Rule rule, String detail) {

  public Violation {
    elementId = elementId == null || elementId.isBlank() ? resourceName : elementId;
    detail = detail == null ? "" : clip(detail.strip());
  }

  /** The message in the given language, naming the element and the rule. */
  public String message(MessageSource messages, Locale locale) {
    return messages.getMessage(rule.messageKey(), new Object[] {elementId, detail, resourceName}, rule.code(), locale);
  }

  private static String clip(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
