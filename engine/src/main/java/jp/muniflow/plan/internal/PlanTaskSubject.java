package jp.muniflow.plan.internal;

import java.util.Locale;
import jp.muniflow.plan.PlanQueries;
import jp.muniflow.processes.plan.PlanVariables;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.task.TaskSubject;
import jp.muniflow.task.TaskView;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The plan a task of {@code programPlanApproval} is about: its business key starts with the fiscal year. */
@Component
class PlanTaskSubject implements TaskSubject {

  private final PlanQueries plans;

  PlanTaskSubject(PlanQueries plans) {
    this.plans = plans;
  }

  @Override
  public boolean supports(String processDefinitionKey) {
    return PlanVariables.PROCESS_KEY.equals(processDefinitionKey);
  }

  @Override
  public String describe(MuniFlowUser user, TaskView task, Locale locale, Model model) {
    if (task.businessKey() == null) {
      return null;
    }
    model.addAttribute("plan", plans.ofYear(Integer.parseInt(task.businessKey().split("-")[0])));
    return "plan/task-subject";
  }
}
