package jp.muniflow.subsidy.internal;

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
 * What a subsidy notice prints from the subsidy's own records rather than the process: the day the application was
 * submitted ({@code submittedOn}) and, once withdrawn, the day of the withdrawal ({@code withdrawnOn}); and the grant
 * rules and standard conditions of its fiscal year ({@code grantRules}, {@code standardConditions}), which decisions cite.
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
