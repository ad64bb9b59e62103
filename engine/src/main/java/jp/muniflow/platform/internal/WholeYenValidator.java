package jp.muniflow.platform.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.math.BigDecimal;
import jp.muniflow.platform.WholeYen;

/** {@link WholeYen}: above zero, then whole, then not above the maximum; one problem per amount. */
public class WholeYenValidator implements ConstraintValidator<WholeYen, BigDecimal> {

  @Override
  public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
    String refused = value == null ? null : refusalKey(value);
    return refused == null || PlainTextValidator.refuse(context, refused);
  }

  /** The message key of what is wrong with an amount (first: not above zero, then a fraction, then too large), or null. */
  public static String refusalKey(BigDecimal value) {
    if (value.signum() <= 0) {
      return "input.amount.positive";
    }
    if (value.stripTrailingZeros().scale() > 0) {
      return "input.amount.whole";
    }
    if (value.compareTo(WholeYen.MAX) > 0) {
      return "input.amount.too-large";
    }
    return null;
  }
}
