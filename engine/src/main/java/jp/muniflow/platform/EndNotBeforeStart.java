package jp.muniflow.platform;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import jp.muniflow.platform.internal.EndNotBeforeStartValidator;

/**
 * On a request record: the period from the {@link java.time.LocalDate} component {@link #start()} to the one named
 * {@link #end()} does not end before it starts. Reported on the end's field ({@code input.period.end-before-start});
 * a missing date passes (its own {@code @NotNull} says so).
 */
@Documented
@Constraint(validatedBy = EndNotBeforeStartValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface EndNotBeforeStart {

  /** The record component of the first day. */
  String start();

  /** The record component of the last day. */
  String end();

  String message() default "{input.period.end-before-start}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
