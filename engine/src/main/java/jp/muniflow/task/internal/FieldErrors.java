package jp.muniflow.task.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.platform.InvalidInputException.FieldProblem;
import jp.muniflow.platform.Problems;

/** Refused input as a form page shows it: each field's messages together, beside the field. */
final class FieldErrors {

  private FieldErrors() {
  }

  static Map<String, String> byField(Problems problems, List<FieldProblem> refused) {
    Map<String, String> errors = new LinkedHashMap<>();
    refused.forEach(p -> errors.merge(p.field(), problems.message(p.messageKey(), p.args()), (a, b) -> a + " " + b));
    return errors;
  }
}
