package jp.muniflow.task.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The outcomes of a task's form that cannot be undone — a grant or a refusal (交付決定通知書, 不交付決定通知書), the
 * confirmed amount (交付額確定通知書), the council's approval of a plan (事業計画決定通知 and 報道資料) — and so are
 * completed from a page only once the user has confirmed them (issue 20, "no surprises").
 *
 * <p>An outcome needs confirmation when the message bundles say what it will do, under
 * {@code form.<form>.<field>.<value>.confirm} (a check box's value is {@code true}): what is said to the user and what
 * is asked of them cannot drift apart, and both languages are guarded by the i18n test. The API is not concerned: a
 * client that completes a task has made its choice; the confirmation is the page's second look for a person.
 */
@Component
class OutcomeConfirmations {

  private final MessageSource messages;

  OutcomeConfirmations(MessageSource messages) {
    this.messages = messages;
  }

  /** The form's outcomes that need confirmation, with what each will do, in the page's language. */
  List<Outcome> of(TaskForms.Form form, Locale locale) {
    List<Outcome> outcomes = new ArrayList<>();
    if (form == null) {
      return outcomes;
    }
    for (TaskForms.Field f : form.fields()) {
      List<String> values = switch (f.type()) {
        case "radio" -> f.options();
        case "checkbox" -> List.of("true");
        default -> List.of();
      };
      for (String value : values) {
        String base = "form." + form.id() + "." + f.key();
        String consequence = messages.getMessage(base + "." + value + ".confirm", null, null, locale);
        if (consequence != null) {
          String label = messages.getMessage("checkbox".equals(f.type()) ? base : base + "." + value, null, value, locale);
          outcomes.add(new Outcome(f.key(), value, label, consequence,
              messages.getMessage("page.task.confirm.dialog", new Object[] {label, consequence}, locale)));
        }
      }
    }
    return outcomes;
  }

  /** The outcome that needs confirmation among what the form holds, if the user chose one. */
  Optional<Outcome> chosen(TaskForms.Form form, Map<String, String> typed, Locale locale) {
    return of(form, locale).stream().filter(o -> o.value().equals(typed.get(o.field()))).findFirst();
  }

  /**
   * An outcome that cannot be undone.
   *
   * @param label the option's label as the form shows it
   * @param consequence what completing with it will do (「交付決定通知書が発行され、元に戻せません。」)
   * @param dialog the question the page's script asks before sending the form
   */
  record Outcome(String field, String value, String label, String consequence, String dialog) {

    /** The key the templates look an option up by. */
    public String key() {
      return field + "=" + value;
    }
  }
}
