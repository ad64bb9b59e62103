package jp.muniflow.platform;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import jp.muniflow.platform.internal.WholeYenValidator;

/**
 * An amount of money as a {@link BigDecimal}: whole yen, above zero and at most {@link #MAX}. Read as a decimal so
 * that a fraction is refused with its own message ({@code input.amount.whole}) instead of being cut silently; zero or
 * less is {@code input.amount.positive}, more than {@link #MAX} {@code input.amount.too-large}. A missing amount
 * passes: say {@code @NotNull(message = "{input.required}")} where one is required.
 */
@Documented
@Constraint(validatedBy = WholeYenValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface WholeYen {

  /** Whole yen above this are surely a typing mistake (the subsidy is capped at millions). */
  BigDecimal MAX = new BigDecimal("100000000000");

  String message() default "{input.amount.positive}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
