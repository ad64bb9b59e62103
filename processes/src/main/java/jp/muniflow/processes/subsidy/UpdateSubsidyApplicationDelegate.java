package jp.muniflow.processes.subsidy;

import static jp.muniflow.processes.subsidy.SubsidyVariables.ACTUAL_COST;
import static jp.muniflow.processes.subsidy.SubsidyVariables.APPLICATION_ID;
import static jp.muniflow.processes.subsidy.SubsidyVariables.CORRECTION_DEADLINE;
import static jp.muniflow.processes.subsidy.SubsidyVariables.DECISION;
import static jp.muniflow.processes.subsidy.SubsidyVariables.DESCRIPTION;
import static jp.muniflow.processes.subsidy.SubsidyVariables.GRANTED_AMOUNT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.PLANNED_END;
import static jp.muniflow.processes.subsidy.SubsidyVariables.PLANNED_START;
import static jp.muniflow.processes.subsidy.SubsidyVariables.REPORT_CORRECTION_DEADLINE;
import static jp.muniflow.processes.subsidy.SubsidyVariables.REQUESTED_AMOUNT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.TITLE;

import java.time.LocalDate;
import java.util.Map;
import jp.muniflow.processes.ModelDelegate;
import jp.muniflow.processes.subsidy.SubsidyCommand.ApplyCorrection;
import jp.muniflow.processes.subsidy.SubsidyCommand.Confirm;
import jp.muniflow.processes.subsidy.SubsidyCommand.Lapse;
import jp.muniflow.processes.subsidy.SubsidyCommand.RecordDecision;
import jp.muniflow.processes.subsidy.SubsidyCommand.RecordReport;
import jp.muniflow.processes.subsidy.SubsidyCommand.RequestCorrection;
import jp.muniflow.processes.subsidy.SubsidyCommand.ReturnReport;
import jp.muniflow.processes.subsidy.SubsidyCommand.TellCorrectionDue;
import jp.muniflow.processes.subsidy.SubsidyCommand.Withdraw;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Applies one {@link SubsidyChange} to the application, named by the step's literal input parameter {@code change}:
 * reads what that step needs from the process's variables into its {@link SubsidyCommand}, so the port sees typed
 * values and nothing else. Runs in the transaction of the user action that led to it, so a refused change undoes the
 * action.
 */
@Component("updateSubsidyApplicationDelegate")
@ModelDelegate
public class UpdateSubsidyApplicationDelegate implements JavaDelegate {

  static final String CHANGE = "change";

  private final SubsidyApplications applications;

  public UpdateSubsidyApplicationDelegate(SubsidyApplications applications) {
    this.applications = applications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SubsidyChange change = SubsidyChange.valueOf((String) execution.getVariableLocal(CHANGE));
    Map<String, Object> result = applications.apply((String) execution.getVariable(APPLICATION_ID),
        command(change, execution));
    result.forEach(execution::setVariable);
  }

  /** The command of a change, with the values of the process's variables that it needs. */
  static SubsidyCommand command(SubsidyChange change, VariableScope variables) {
    return switch (change) {
      case CORRECTION_REQUESTED -> new RequestCorrection();
      case CORRECTED -> new ApplyCorrection(text(variables, TITLE), text(variables, DESCRIPTION),
          amount(variables, REQUESTED_AMOUNT), date(variables, PLANNED_START), date(variables, PLANNED_END));
      case DECIDED -> new RecordDecision((String) variables.getVariable(DECISION), amount(variables, GRANTED_AMOUNT));
      case DEADLINE_NEAR, REMINDED -> {
        Object deadline = variables.getVariable(CORRECTION_DEADLINE);
        yield new TellCorrectionDue(change, deadline == null ? null : deadline.toString());
      }
      case WITHDRAWN -> new Withdraw();
      case LAPSED -> new Lapse();
      case REPORTED -> new RecordReport(amount(variables, ACTUAL_COST));
      case REPORT_RETURNED -> new ReturnReport(text(variables, REPORT_CORRECTION_DEADLINE));
      case CONFIRMED -> new Confirm();
    };
  }

  /** A number as whole yen, or {@code null} when the variable holds none. */
  private static Long amount(VariableScope variables, String name) {
    return variables.getVariable(name) instanceof Number n ? n.longValue() : null;
  }

  /** A text that says something, or {@code null}. */
  private static String text(VariableScope variables, String name) {
    return variables.getVariable(name) instanceof String s && !s.isBlank() ? s : null;
  }

  private static LocalDate date(VariableScope variables, String name) {
    String text = text(variables, name);
    return text == null ? null : LocalDate.parse(text);
  }
}
