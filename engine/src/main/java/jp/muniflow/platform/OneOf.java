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
import jp.muniflow.platform.internal.OneOfValidator;

/**
 * A text that is one of a fixed set: the {@link #value()} listed, or the constant names of {@link #enumType()}.
 * Refused as {@code input.one-of} with the allowed values as its argument; a missing text passes (say
 * {@code @NotBlank(message = "{input.required}")} where one is required).
 */
@Documented
@Constraint(validatedBy = OneOfValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface OneOf {

  String[] value() default {};

  /** An enum whose constant names are the allowed values, instead of listing them. */
  Class<? extends Enum<?>> enumType() default NoEnum.class;

  String message() default "{input.one-of}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The default of {@link #enumType()}: the values are listed. */
  enum NoEnum { }
}
