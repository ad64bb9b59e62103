package jp.muniflow.platform.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Arrays;
import java.util.List;
import jp.muniflow.platform.OneOf;

/** {@link OneOf}: the allowed values, listed or an enum's constant names, are the message's argument. */
public class OneOfValidator implements ConstraintValidator<OneOf, String> {

  private List<String> allowed;

  @Override
  public void initialize(OneOf constraint) {
    allowed = constraint.enumType() == OneOf.NoEnum.class
        ? List.of(constraint.value())
        : Arrays.stream(constraint.enumType().getEnumConstants()).map(Enum::name).toList();
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value == null || value.isBlank() || allowed.contains(value)) {
      return true;
    }
    return PlainTextValidator.refuse(context, "input.one-of", String.join(", ", allowed));
  }
}
