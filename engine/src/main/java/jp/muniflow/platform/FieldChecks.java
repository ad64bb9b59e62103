package jp.muniflow.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.muniflow.platform.internal.TextRules;
import jp.muniflow.platform.internal.WholeYenValidator;

/**
 * Collects the problems of values that are not a request record — a task's outcome variables, a plan document read
 * from YAML — so that all of them are reported at once, and normalises text by the same rules as {@link PlainText}
 * ({@code TextRules}). A request body is a record with Bean Validation constraints instead, checked by
 * {@link RequestChecks}.
 */
public final class FieldChecks {

  /** Whole yen above this are surely a typing mistake (the subsidy is capped at millions). */
  public static final BigDecimal MAX_AMOUNT = WholeYen.MAX;

  private final List<InvalidInputException.FieldProblem> problems = new ArrayList<>();

  public void add(String field, String messageKey, Object... args) {
    problems.add(new InvalidInputException.FieldProblem(field, messageKey, args));
  }

  public boolean hasProblem(String field) {
    return problems.stream().anyMatch(p -> p.field().equals(field));
  }

  /** Throws all problems found so far, if any. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /** A text: required or not, at most {@code maxLength} characters, one line or several. Returns it normalised. */
  public String text(String field, String value, boolean required, int maxLength, boolean multiline) {
    if (value == null || value.isBlank()) {
      if (required) {
        add(field, "input.required");
      }
      return value == null ? null : value.strip();
    }
    String text = TextRules.normalized(value);
    if (text.codePointCount(0, text.length()) > maxLength) {
      add(field, "input.too-long", maxLength);
      return text;
    }
    String refused = TextRules.refusedCharacterKey(text, multiline);
    if (refused != null) {
      add(field, refused);
    }
    return text;
  }

  /** Throws all problems found so far as one 422 (content that does not hold together), if any. */
  public void throwIfAnyAsUnprocessable() {
    if (!problems.isEmpty()) {
      throw InvalidInputException.unprocessable(problems);
    }
  }

  /** A whole amount of yen above zero and below {@link #MAX_AMOUNT}; any violation is reported as {@code messageKey}. */
  public Long amountOr(String field, BigDecimal value, String messageKey) {
    if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0 || value.compareTo(MAX_AMOUNT) > 0) {
      add(field, messageKey);
      return null;
    }
    return value.longValueExact();
  }

  /** A whole, positive amount of yen, below {@link #MAX_AMOUNT}. */
  public Long amount(String field, BigDecimal value, boolean required) {
    if (value == null) {
      if (required) {
        add(field, "input.required");
      }
      return null;
    }
    String refused = WholeYenValidator.refusalKey(value);
    if (refused != null) {
      add(field, refused);
      return null;
    }
    return value.longValueExact();
  }

  /** The end of a period must not come before its start. */
  public void period(String startField, LocalDate start, String endField, LocalDate end) {
    if (start != null && end != null && end.isBefore(start)) {
      add(endField, "input.period.end-before-start");
    }
  }

  /** A value that must be one of a fixed set. */
  public String oneOf(String field, Object value, List<String> allowed) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      add(field, "input.required");
      return null;
    }
    if (!(value instanceof String s) || !allowed.contains(s)) {
      add(field, "input.one-of", String.join(", ", allowed));
      return null;
    }
    return s;
  }
}
