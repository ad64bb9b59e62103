package jp.muniflow.plan.internal;

import static jp.muniflow.processes.plan.PlanVariables.COUNCIL_DATE;

import java.util.HashMap;
import java.util.Map;
import jp.muniflow.notice.NoticeValues;
import org.springframework.stereotype.Component;

/**
 * The stored plan's values for its notices (the decision notices and the press release): the project, fiscal year,
 * budget, areas and programs of the plan as approved, and the council's date. The process holds copies of them, made
 * when the council decided; the notices print the plan's own.
 */
@Component
class PlanNoticeValues implements NoticeValues {

  private static final String PLAN_NOTICES = "plan.";

  private final PlanStore store;

  PlanNoticeValues(PlanStore store) {
    this.store = store;
  }

  @Override
  public Map<String, Object> valuesFor(String templateKey, String businessKey, Map<String, Object> model) {
    if (!templateKey.startsWith(PLAN_NOTICES) || businessKey == null) {
      return Map.of();
    }
    return store.find(businessKey).map(p -> {
      Map<String, Object> values = new HashMap<>(p.document().noticeModel());
      values.put(COUNCIL_DATE, p.councilDate() == null ? null : p.councilDate().toString());
      return values;
    }).orElse(Map.of());
  }
}
