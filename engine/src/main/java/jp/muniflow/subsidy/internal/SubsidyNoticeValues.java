package jp.muniflow.subsidy.internal;

import static jp.muniflow.processes.subsidy.SubsidyVariables.ACTUAL_COST;
import static jp.muniflow.processes.subsidy.SubsidyVariables.APPLICATION_ID;
import static jp.muniflow.processes.subsidy.SubsidyVariables.CONFIRMED_AMOUNT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.DECIDING_SECRETARIAT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.DESCRIPTION;
import static jp.muniflow.processes.subsidy.SubsidyVariables.FISCAL_YEAR;
import static jp.muniflow.processes.subsidy.SubsidyVariables.GRANTED_AMOUNT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.PLANNED_END;
import static jp.muniflow.processes.subsidy.SubsidyVariables.PLANNED_START;
import static jp.muniflow.processes.subsidy.SubsidyVariables.REQUESTED_AMOUNT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.REVIEWING_SECRETARIAT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.TENANT_ID;
import static jp.muniflow.processes.subsidy.SubsidyVariables.TITLE;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.muniflow.notice.NoticeValues;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.subsidy.ApplicationStatus;
import jp.muniflow.subsidy.SubsidyApplication;
import jp.muniflow.subsidy.SubsidyYears;
import org.springframework.stereotype.Component;

/**
 * What a subsidy notice prints from the subsidy's own records rather than the process: the application's amounts,
 * dates and names (id, fiscal year, title, description, requested, granted and confirmed amounts, actual cost, planned
 * period, secretariats) from the application record, the system of record; the day the application was submitted
 * ({@code submittedOn}) and, once withdrawn, the day of the withdrawal ({@code withdrawnOn}); and the grant rules and
 * standard conditions of its fiscal year ({@code grantRules}, {@code standardConditions}), which decisions cite.
 */
@Component
class SubsidyNoticeValues implements NoticeValues {

  private static final String SUBSIDY_NOTICES = "subsidy.";

  private final ApplicationStore store;
  private final SubsidyYears years;

  SubsidyNoticeValues(ApplicationStore store, SubsidyYears years) {
    this.store = store;
    this.years = years;
  }

  @Override
  public Map<String, Object> valuesFor(String templateKey, String businessKey, Map<String, Object> model) {
    if (!templateKey.startsWith(SUBSIDY_NOTICES) || businessKey == null) {
      return Map.of();
    }
    return store.find(businessKey).map(a -> {
      Map<String, Object> values = new LinkedHashMap<>();
      // the application's facts as its record holds them: the process variables of the same names are copies an
      // administrator could have changed; a value the record does not hold yet (null) is not printed at all
      values.put(APPLICATION_ID, a.id());
      values.put(TENANT_ID, a.tenantId());
      values.put(FISCAL_YEAR, a.fiscalYear());
      values.put(TITLE, a.title());
      values.put(DESCRIPTION, a.description());
      values.put(REQUESTED_AMOUNT, a.requestedAmount());
      // dates as the process holds them (ISO text), so that a notice prints them the same either way
      values.put(PLANNED_START, a.plannedStart().toString());
      values.put(PLANNED_END, a.plannedEnd().toString());
      values.put(REVIEWING_SECRETARIAT, a.reviewingSecretariat());
      values.put(DECIDING_SECRETARIAT, a.decidingSecretariat());
      values.put(GRANTED_AMOUNT, a.grantedAmount());
      values.put(ACTUAL_COST, a.actualCost());
      values.put(CONFIRMED_AMOUNT, a.confirmedAmount());
      values.put("submittedOn", LocalDate.ofInstant(a.submittedAt(), JapanTime.ZONE));
      if (a.status() == ApplicationStatus.WITHDRAWN) {
        // a withdrawn application changes no more: its last change is its withdrawal
        values.put("withdrawnOn", LocalDate.ofInstant(a.updatedAt(), JapanTime.ZONE));
      }
      years.grantRulesOf(a.fiscalYear()).ifPresent(rules -> values.putAll(rules.noticeValues()));
      return values;
    }).orElse(Map.of());
  }
}
