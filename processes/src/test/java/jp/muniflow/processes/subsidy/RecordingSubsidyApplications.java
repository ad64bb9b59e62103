package jp.muniflow.processes.subsidy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The application side of the process tests: records the routing and each command the model sends, in order, and
 * answers as the engine's implementation does where the model depends on the answer (it remembers the grant and the
 * actual cost, as the engine's record does).
 */
final class RecordingSubsidyApplications implements SubsidyApplications {

  static final String DEFAULT_REPORT_DEADLINE = "2027-04-14";

  final List<String> routings = new ArrayList<>();
  final List<SubsidyChange> changes = new ArrayList<>();
  final List<SubsidyCommand> commands = new ArrayList<>();
  private long granted;
  private long actualCost;

  @Override
  public void recordRouting(String applicationId, String reviewingSecretariat, String decidingSecretariat) {
    routings.add(reviewingSecretariat + "/" + decidingSecretariat);
  }

  @Override
  public Map<String, Object> apply(String applicationId, SubsidyCommand command) {
    changes.add(command.change());
    commands.add(command);
    if (command instanceof SubsidyCommand.RequestCorrection) {
      return Map.of(SubsidyVariables.CORRECTION_DEADLINE, "2026-12-31");
    }
    if (command instanceof SubsidyCommand.RecordDecision d && d.granted()) {
      granted = d.grantedAmount() != null ? d.grantedAmount() : 0L;
    }
    if (command instanceof SubsidyCommand.RecordReport r) {
      actualCost = r.actualCost() != null ? r.actualCost() : 0L;
    }
    if (command instanceof SubsidyCommand.ReturnReport r) {
      // as the engine: the reviewer's deadline, or 14 days from the return
      String deadline = r.reportCorrectionDeadline();
      return Map.of(SubsidyVariables.REPORT_CORRECTION_DEADLINE, deadline != null ? deadline : DEFAULT_REPORT_DEADLINE);
    }
    if (command instanceof SubsidyCommand.Confirm) {
      return Map.of(SubsidyVariables.CONFIRMED_AMOUNT, Math.min(granted, actualCost));
    }
    return Map.of();
  }
}
