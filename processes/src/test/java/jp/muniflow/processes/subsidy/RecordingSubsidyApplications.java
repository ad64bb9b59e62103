package jp.muniflow.processes.subsidy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The application side of the process tests: records the routing and each change the model makes, in order, and
 * answers as the engine's implementation does where the model depends on the answer.
 */
final class RecordingSubsidyApplications implements SubsidyApplications {

  static final String DEFAULT_REPORT_DEADLINE = "2027-04-14";

  final List<String> routings = new ArrayList<>();
  final List<SubsidyChange> changes = new ArrayList<>();
  final List<Map<String, Object>> variablesAtChange = new ArrayList<>();

  @Override
  public void recordRouting(String applicationId, String reviewingSecretariat, String decidingSecretariat) {
    routings.add(reviewingSecretariat + "/" + decidingSecretariat);
  }

  @Override
  public Map<String, Object> apply(String applicationId, SubsidyChange change, Map<String, Object> variables) {
    changes.add(change);
    variablesAtChange.add(new LinkedHashMap<>(variables));
    if (change == SubsidyChange.CORRECTION_REQUESTED) {
      return Map.of(SubsidyVariables.CORRECTION_DEADLINE, "2026-12-31");
    }
    if (change == SubsidyChange.REPORT_RETURNED) {
      // as the engine: the reviewer's deadline, or 14 days from the return
      Object deadline = variables.get(SubsidyVariables.REPORT_CORRECTION_DEADLINE);
      return Map.of(SubsidyVariables.REPORT_CORRECTION_DEADLINE, deadline != null ? deadline : DEFAULT_REPORT_DEADLINE);
    }
    if (change == SubsidyChange.CONFIRMED) {
      long granted = ((Number) variables.get(SubsidyVariables.GRANTED_AMOUNT)).longValue();
      long actual = ((Number) variables.get(SubsidyVariables.ACTUAL_COST)).longValue();
      return Map.of(SubsidyVariables.CONFIRMED_AMOUNT, Math.min(granted, actual));
    }
    return Map.of();
  }
}
