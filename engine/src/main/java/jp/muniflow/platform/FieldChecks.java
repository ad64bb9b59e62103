package jp.muniflow.platform;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one request's fields, so that all of them are reported at once, and normalises text:
 * Unicode NFC, no control characters, no emoji, no variation selectors, no combining marks left after NFC. Official
 * notices print these texts with a Japanese font, which has no glyph for the refused characters; refusing them at
 * the door says so to the person typing, instead of printing a blank box on an official document.
 */
public final class FieldChecks {

  /** Whole yen above this are surely a typing mistake (the subsidy is capped at millions). */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000");

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
    String text = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
    if (text.codePointCount(0, text.length()) > maxLength) {
      add(field, "input.too-long", maxLength);
      return text;
    }
    String refused = refusedCharacterKey(text, multiline);
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
    if (value.signum() <= 0) {
      add(field, "input.amount.positive");
      return null;
    }
    if (value.stripTrailingZeros().scale() > 0) {
      add(field, "input.amount.whole");
      return null;
    }
    if (value.compareTo(MAX_AMOUNT) > 0) {
      add(field, "input.amount.too-large");
      return null;
    }
    return value.longValueExact();
  }

  /** A date, required or not. */
  public LocalDate date(String field, LocalDate value, boolean required) {
    if (value == null && required) {
      add(field, "input.required");
    }
    return value;
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

  private static String refusedCharacterKey(String text, boolean multiline) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.getType(cp) == Character.SURROGATE) {
        return "input.text.invalid";
      }
      if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT && cp != 0x200D) {
        if (!(multiline && (cp == '\n' || cp == '\r' || cp == '\t'))) {
          return "input.text.control";
        }
      }
      if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
        return "input.text.variation-selector";
      }
      if (isEmoji(cp)) {
        return "input.text.emoji";
      }
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) {
        return "input.text.combining";
      }
      if (type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
        return "input.text.invalid";
      }
    }
    return null;
  }

  private static boolean isEmoji(int cp) {
    return cp == 0x200D
        || (cp >= 0x1F000 && cp <= 0x1FAFF)
        || (cp >= 0x2600 && cp <= 0x27BF)
        || (cp >= 0x1F1E6 && cp <= 0x1F1FF);
  }
}
