package jp.muniflow.platform.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jp.muniflow.platform.PlainText;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** {@link PlainText}: the length after NFC first, then the characters; one problem per text, with its own key. */
public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

  private int max;
  private boolean multiline;

  @Override
  public void initialize(PlainText constraint) {
    this.max = constraint.max();
    this.multiline = constraint.multiline();
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value == null || value.isBlank()) {
      return true;
    }
    String text = TextRules.normalized(value);
    if (text.codePointCount(0, text.length()) > max) {
      return refuse(context, "input.too-long", max);
    }
    String refused = TextRules.refusedCharacterKey(text, multiline);
    return refused == null || refuse(context, refused);
  }

  static boolean refuse(ConstraintValidatorContext context, String key, Object... args) {
    context.disableDefaultConstraintViolation();
    HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
    if (args.length > 0) {
      hibernate.withDynamicPayload(args);
    }
    hibernate.buildConstraintViolationWithTemplate("{" + key + "}").addConstraintViolation();
    return false;
  }
}
