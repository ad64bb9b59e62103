package jp.muniflow.subsidy;

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

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jp.muniflow.notice.NoticeFacts;
import org.springframework.stereotype.Component;

/**
 * The application record's values for the notices of its {@code subsidyReview} instance: the id, fiscal year, title,
 * description, amounts, planned period and secretariats, as the record holds them when the notice is issued. The
 * process variables of the same names are copies that an administrator could change; the notice never prints those.
 */
@Component
class ApplicationNoticeFacts implements NoticeFacts {

  private final ApplicationStore store;

  ApplicationNoticeFacts(ApplicationStore store) {
    this.store = store;
  }

  @Override
  public Optional<Map<String, Object>> of(String processInstanceId, String businessKey) {
    if (businessKey == null || processInstanceId == null) {
      return Optional.empty();
    }
    return store.find(businessKey).filter(a -> processInstanceId.equals(a.processInstanceId())).map(a -> {
      Map<String, Object> values = new HashMap<>();
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
      return values;
    });
  }
}
