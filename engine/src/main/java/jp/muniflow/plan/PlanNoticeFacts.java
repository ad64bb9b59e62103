package jp.muniflow.plan;

import static jp.muniflow.processes.plan.PlanVariables.COUNCIL_DATE;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jp.muniflow.notice.NoticeFacts;
import org.springframework.stereotype.Component;

/**
 * The stored plan's values for the notices of its {@code programPlanApproval} instance (the decision notices and the
 * press release): the project, fiscal year, budget, areas and programs of the plan as approved, and the council's date.
 * The process holds copies of them, made when the council decided; the notices print the plan's own.
 */
@Component
class PlanNoticeFacts implements NoticeFacts {

  private final PlanStore store;

  PlanNoticeFacts(PlanStore store) {
    this.store = store;
  }

  @Override
  public Optional<Map<String, Object>> of(String processInstanceId, String businessKey) {
    if (businessKey == null || processInstanceId == null) {
      return Optional.empty();
    }
    return store.find(businessKey).filter(p -> processInstanceId.equals(p.processInstanceId())).map(p -> {
      Map<String, Object> values = new HashMap<>(p.document().noticeModel());
      values.put(COUNCIL_DATE, p.councilDate() == null ? null : p.councilDate().toString());
      return values;
    });
  }
}
