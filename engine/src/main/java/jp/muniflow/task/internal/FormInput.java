package jp.muniflow.task.internal;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.InvalidInputException.FieldProblem;
import org.springframework.util.MultiValueMap;

/**
 * What a task page's form holds, checked against the form's own limits (required, length, minimum and maximum,
 * pattern, the listed options) and turned into the variables it stands for: a number as a number, a checkbox as a
 * boolean, a checklist as a list, a date as {@code YYYY-MM-DD}, a text in NFC. A pattern need only be found in the
 * text, as form-js tests it in the editor's preview (anchor it with ^ and $ for the whole text).
 *
 * <p>For the tasks whose process brings no rules of its own ({@code TaskCompletionCheck}): a form built in the form
 * editor. The processes that have rules keep them (their messages are the ones their users know); the form's limits
 * say the same there.
 */
final class FormInput {

  private FormInput() {
  }

  /** The variables, or every problem at once ({@link InvalidInputException}, one per field). */
  static Map<String, Object> check(TaskForms.Form form, MultiValueMap<String, String> params) {
    Map<String, Object> variables = new LinkedHashMap<>();
    List<FieldProblem> problems = new ArrayList<>();
    for (TaskForms.Field f : form.inputs()) {
      List<String> sent = params.getOrDefault(f.key(), List.of()).stream().filter(v -> v != null && !v.isBlank())
          .map(v -> Normalizer.normalize(v.strip(), Normalizer.Form.NFC)).toList();
      int before = problems.size();
      Object value = switch (f.type()) {
        case "checkbox" -> !sent.isEmpty();
        // an ArrayList: the engine takes object variables of plain JSON types only (ObjectVariableTypes)
        case "checklist" -> new ArrayList<>(sent);
        default -> sent.isEmpty() ? null : sent.get(0);
      };
      boolean empty = value == null || Boolean.FALSE.equals(value) || (value instanceof List<?> l && l.isEmpty());
      if (empty) {
        if (f.required()) {
          problems.add(new FieldProblem(f.key(), "input.required"));
        } else if (!"text".equals(f.type()) && !"textarea".equals(f.type()) && value != null) {
          variables.put(f.key(), value);
        }
        continue;
      }
      switch (f.type()) {
        case "number" -> value = number(f, (String) value, problems);
        case "date" -> date(f, (String) value, problems);
        case "select", "radio" -> oneOf(f, List.of((String) value), problems);
        case "checklist" -> oneOf(f, sent, problems);
        case "text", "textarea" -> text(f, (String) value, problems);
        default -> { }
      }
      if (problems.size() == before) {
        variables.put(f.key(), value);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return variables;
  }

  private static Object number(TaskForms.Field f, String typed, List<FieldProblem> problems) {
    BigDecimal n;
    try {
      n = new BigDecimal(typed);
    } catch (NumberFormatException e) {
      problems.add(new FieldProblem(f.key(), "input.number"));
      return null;
    }
    if (f.decimalDigits() != null && n.stripTrailingZeros().scale() > Math.max(0, f.decimalDigits())) {
      problems.add(new FieldProblem(f.key(), "input.decimals", Math.max(0, f.decimalDigits())));
    } else if (f.min() != null && n.compareTo(f.min()) < 0) {
      problems.add(new FieldProblem(f.key(), "input.min", f.min().toPlainString()));
    } else if (f.max() != null && n.compareTo(f.max()) > 0) {
      problems.add(new FieldProblem(f.key(), "input.max", f.max().toPlainString()));
    }
    // stored as the engine's own number types, so that expressions and reports compare numbers, not texts
    BigDecimal plain = n.stripTrailingZeros();
    if (plain.scale() <= 0 && plain.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
      return plain.longValueExact();
    }
    return n.doubleValue();
  }

  private static void date(TaskForms.Field f, String typed, List<FieldProblem> problems) {
    LocalDate date;
    try {
      date = LocalDate.parse(typed);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(f.key(), "input.date.format"));
      return;
    }
    // a date the form says may not have passed (a deadline): a past one would end what it starts at once
    if (f.noPastDates() && date.isBefore(JapanTime.today(Clock.systemUTC()))) {
      problems.add(new FieldProblem(f.key(), "input.date.past"));
    }
  }

  private static void oneOf(TaskForms.Field f, List<String> chosen, List<FieldProblem> problems) {
    if (!f.options().containsAll(chosen)) {
      problems.add(new FieldProblem(f.key(), "input.one-of", String.join(", ", f.options())));
    }
  }

  private static void text(TaskForms.Field f, String typed, List<FieldProblem> problems) {
    int length = typed.codePointCount(0, typed.length());
    if (f.minLength() != null && length < f.minLength()) {
      problems.add(new FieldProblem(f.key(), "input.too-short", f.minLength()));
    } else if (f.maxLength() != null && length > f.maxLength()) {
      problems.add(new FieldProblem(f.key(), "input.too-long", f.maxLength()));
    } else if (f.pattern() != null && !Pattern.compile(f.pattern()).matcher(typed).find()) {
      problems.add(new FieldProblem(f.key(), "input.pattern"));
    }
  }
}
