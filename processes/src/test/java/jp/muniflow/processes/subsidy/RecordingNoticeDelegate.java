package jp.muniflow.processes.subsidy;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Stands in for {@code issueNoticeDelegate} in the process tests: records which notices the model issues, in order. */
final class RecordingNoticeDelegate implements JavaDelegate {

  final List<String> issued = new ArrayList<>();
  final List<String> issuers = new ArrayList<>();

  @Override
  public void execute(DelegateExecution execution) {
    issued.add((String) execution.getVariableLocal("templateKey"));
    issuers.add((String) execution.getVariable((String) execution.getVariableLocal("issuerVariable")));
  }
}
