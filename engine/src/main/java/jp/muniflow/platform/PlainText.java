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
import jp.muniflow.platform.internal.PlainTextValidator;

/**
 * A text that a notice can print: at most {@link #max()} characters (code points, after Unicode NFC), and none of the
 * characters a Japanese font cannot print (control characters but, when {@link #multiline()}, line breaks and tabs;
 * emoji; variation selectors; combining marks; unassigned and private-use code points). A missing or blank text
 * passes: say {@code @NotBlank(message = "{input.required}")} where one is required.
 *
 * <p>Each refusal is reported with its own message key ({@code input.too-long}, {@code input.text.emoji}, …): see
 * {@link RequestChecks}.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface PlainText {

  /** The most characters the text may have. */
  int max();

  /** Whether line breaks and tabs are allowed. */
  boolean multiline() default false;

  String message() default "{input.text.invalid}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
