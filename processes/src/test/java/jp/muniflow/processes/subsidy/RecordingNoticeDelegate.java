package jp.muniflow.processes.subsidy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stands in for {@code issueNoticeDelegate} in the process tests: records which notices the model issues, in order,
 * with the values the step sees, and fails as the real step fails when the process lacks a value that the notice's
 * template needs and that only the process holds (a task's comment, a deadline; the application's own facts come from
 * its record, the year's grant rules). So a path that reaches a notice without its values fails here, not as an incident in production.
 */
final class RecordingNoticeDelegate implements JavaDelegate {

  /** Per template, the values only the process supplies (the templates' "Values" lines, minus the record's facts). */
  static final Map<String, Set<String>> STEP_VALUES = Map.of(
      "subsidy.correction-request", Set.of(SubsidyVariables.COMMENT, SubsidyVariables.CORRECTION_DEADLINE),
      "subsidy.correction-reminder", Set.of(SubsidyVariables.CORRECTION_DEADLINE),
      "subsidy.lapse", Set.of(SubsidyVariables.CORRECTION_DEADLINE),
      "subsidy.rejection", Set.of(SubsidyVariables.REJECTION_REASONS),
      "subsidy.report-correction-request", Set.of(SubsidyVariables.COMMENT, SubsidyVariables.REPORT_CORRECTION_DEADLINE));

  final List<String> issued = new ArrayList<>();
  final List<String> issuers = new ArrayList<>();
  final List<Map<String, Object>> models = new ArrayList<>();

  @Override
  public void execute(DelegateExecution execution) {
    String template = (String) execution.getVariableLocal("templateKey");
    for (String needed : STEP_VALUES.getOrDefault(template, Set.of())) {
      Object value = execution.getVariable(needed);
      if (value == null || value.toString().isBlank()) {
        throw new IllegalStateException("template '" + template + "' prints {" + needed + "}, which the process lacks");
      }
    }
    issued.add(template);
    issuers.add((String) execution.getVariable((String) execution.getVariableLocal("issuerVariable")));
    models.add(new LinkedHashMap<>(execution.getVariables()));
  }
}
