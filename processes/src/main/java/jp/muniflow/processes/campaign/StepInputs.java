package jp.muniflow.processes.campaign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reads the literal inputs of a campaign step and the variables they name; a modelling error is an incident. */
final class StepInputs {

  private StepInputs() {
  }

  static String literal(DelegateExecution execution, String name, boolean required) {
    Object value = execution.getVariableLocal(name);
    if (value instanceof String s && !s.isBlank()) {
      return s.strip();
    }
    if (required) {
      throw new IllegalStateException("the campaign step " + execution.getCurrentActivityId()
          + " needs the input parameter '" + name + "' (a literal value)");
    }
    return null;
  }

  static List<String> names(String list) {
    if (list == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(names::add);
    return names;
  }

  static Object variable(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("the campaign step " + execution.getCurrentActivityId() + " reads the variable '"
          + name + "', which has no value");
    }
    return value;
  }

  /** The campaign's fiscal year, which {@code startCampaignDelegate} passes to every municipality's instance. */
  static int fiscalYear(DelegateExecution execution) {
    return number(execution, FISCAL_YEAR).intValueExact();
  }

  static final String FISCAL_YEAR = "fiscalYear";

  /** A variable as a number: a number, or a text that reads as one (a form's number field may give either). */
  static BigDecimal number(DelegateExecution execution, String name) {
    Object value = variable(execution, name);
    try {
      return value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("the campaign step " + execution.getCurrentActivityId() + " collects the variable '"
          + name + "', which is not a number: " + value, e);
    }
  }
}
