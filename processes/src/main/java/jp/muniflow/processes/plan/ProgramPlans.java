package jp.muniflow.processes.plan;

import java.util.Map;

/**
 * The port through which {@code programPlanApproval} keeps its plan up to date. Implemented by the engine; each call
 * runs in the transaction of the step that makes it.
 */
public interface ProgramPlans {

  /**
   * Applies one step's command.
   *
   * @return variables the process should hold from now on (e.g. {@code allApproved}); empty if none
   */
  Map<String, Object> apply(String planId, PlanCommand command);
}
