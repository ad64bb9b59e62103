package jp.muniflow.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import jp.muniflow.platform.internal.TextRules;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.springframework.stereotype.Component;

/**
 * Checks a request record against its Bean Validation constraints and reports every problem at once, as
 * {@link InvalidInputException} (400, problem JSON with one entry per field, in the caller's language). The
 * constraints' messages are keys of MuniFlow's message bundles written as {@code "{input.required}"}; a constraint
 * that needs values in its message (the most characters of {@link PlainText}) passes them as Hibernate Validator's
 * dynamic payload. The problems come in the order of the record's components, so that a form lists them top down.
 */
@Component
public class RequestChecks {

  private final Validator validator;

  public RequestChecks(Validator validator) {
    this.validator = validator;
  }

  /** Every problem of the request, in the order of its record components. */
  public List<InvalidInputException.FieldProblem> problemsOf(Record request) {
    Set<ConstraintViolation<Record>> violations = validator.validate(request);
    List<String> order = Arrays.stream(request.getClass().getRecordComponents()).map(RecordComponent::getName).toList();
    return violations.stream()
        .sorted(Comparator.comparingInt((ConstraintViolation<Record> v) -> order.indexOf(field(v)))
            .thenComparing(RequestChecks::key))
        .map(v -> new InvalidInputException.FieldProblem(field(v), key(v), args(v)))
        .toList();
  }

  /** Throws the problems found before (for example missing documents) and the request's own, if there are any. */
  public void check(Record request, List<InvalidInputException.FieldProblem> before) {
    List<InvalidInputException.FieldProblem> problems = new ArrayList<>(before);
    problems.addAll(problemsOf(request));
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  public void check(Record request) {
    check(request, List.of());
  }

  /** A text as MuniFlow stores it (Unicode NFC, stripped), for a request record's constructor; null stays null. */
  public static String normalized(String text) {
    return TextRules.normalized(text);
  }

  private static String field(ConstraintViolation<?> v) {
    return v.getPropertyPath().toString();
  }

  private static String key(ConstraintViolation<?> v) {
    String template = v.getMessageTemplate();
    return template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1) : template;
  }

  private static Object[] args(ConstraintViolation<?> v) {
    HibernateConstraintViolation<?> hibernate = v.unwrap(HibernateConstraintViolation.class);
    Object[] args = hibernate.getDynamicPayload(Object[].class);
    return args == null ? new Object[0] : args;
  }
}
