package jp.muniflow.subsidy.internal;

import static jp.muniflow.processes.subsidy.SubsidyContract.CORRECT_APPLICATION;
import static jp.muniflow.processes.subsidy.SubsidyContract.DECIDE_GRANT;
import static jp.muniflow.processes.subsidy.SubsidyContract.GRANT;
import static jp.muniflow.processes.subsidy.SubsidyContract.REJECT;
import static jp.muniflow.processes.subsidy.SubsidyContract.REQUEST_CORRECTION;
import static jp.muniflow.processes.subsidy.SubsidyContract.REVIEW_APPLICATION;
import static jp.muniflow.processes.subsidy.SubsidyContract.REVIEW_PERFORMANCE_REPORT;
import static jp.muniflow.processes.subsidy.SubsidyContract.SUBMIT_PERFORMANCE_REPORT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.ACTUAL_COST;
import static jp.muniflow.processes.subsidy.SubsidyVariables.COMMENT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.DECISION;
import static jp.muniflow.processes.subsidy.SubsidyVariables.DESCRIPTION;
import static jp.muniflow.processes.subsidy.SubsidyVariables.GRANTED_AMOUNT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.GRANT_CONDITIONS;
import static jp.muniflow.processes.subsidy.SubsidyVariables.PLANNED_END;
import static jp.muniflow.processes.subsidy.SubsidyVariables.PLANNED_START;
import static jp.muniflow.processes.subsidy.SubsidyVariables.REJECTION_REASONS;
import static jp.muniflow.processes.subsidy.SubsidyVariables.REPORT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.REPORT_CORRECTION_DEADLINE;
import static jp.muniflow.processes.subsidy.SubsidyVariables.REQUESTED_AMOUNT;
import static jp.muniflow.processes.subsidy.SubsidyVariables.TITLE;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.muniflow.platform.FieldChecks;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.processes.subsidy.SubsidyContract;
import jp.muniflow.processes.subsidy.SubsidyVariables;
import jp.muniflow.subsidy.SubmitApplication;
import jp.muniflow.subsidy.SubsidyApplication;
import jp.muniflow.task.OutcomeRules;
import org.springframework.stereotype.Component;

/**
 * What each task of {@code subsidyReview} needs to complete. Unknown variables are refused too: a task stores only
 * the outcome its form asks for, so nothing else can be slipped into the process.
 */
@Component
class SubsidyTaskRules extends OutcomeRules {

  static final int COMMENT_MAX = 4000;

  private final ApplicationStore store;
  private final Clock clock;

  SubsidyTaskRules(ApplicationStore store, Clock clock) {
    super(SubsidyVariables.PROCESS_KEY, SubsidyVariables.ALL, SubsidyContract.OUTCOMES);
    this.store = store;
    this.clock = clock;
  }

  @Override
  public Map<String, Object> check(TaskFacts task, Map<String, Object> outcome) {
    FieldChecks checks = checksOf(task, outcome);
    Map<String, Object> clean = new LinkedHashMap<>();
    switch (task.taskDefinitionKey()) {
      case REVIEW_APPLICATION, REVIEW_PERFORMANCE_REPORT -> {
        String decision = checks.oneOf(DECISION, outcome.get(DECISION), SubsidyContract.DECISIONS.get(task.taskDefinitionKey()));
        clean.put(DECISION, decision);
        clean.put(COMMENT, comment(checks, outcome, REQUEST_CORRECTION.equals(decision)));
        if (task.taskDefinitionKey().equals(REVIEW_PERFORMANCE_REPORT) && REQUEST_CORRECTION.equals(decision)) {
          clean.put(REPORT_CORRECTION_DEADLINE, reportDeadline(checks, outcome).toString());
        }
      }
      case DECIDE_GRANT -> {
        String decision = checks.oneOf(DECISION, outcome.get(DECISION), SubsidyContract.DECISIONS.get(DECIDE_GRANT));
        clean.put(DECISION, decision);
        if (GRANT.equals(decision)) {
          Long granted = checks.amount(GRANTED_AMOUNT, decimal(checks, outcome, GRANTED_AMOUNT), true);
          long requested = store.find(task.businessKey()).map(SubsidyApplication::requestedAmount).orElse(Long.MAX_VALUE);
          if (granted != null && granted > requested) {
            checks.add(GRANTED_AMOUNT, "input.amount.above-requested", Yen.format(requested));
          }
          clean.put(GRANTED_AMOUNT, granted);
          String conditions = checks.text(GRANT_CONDITIONS, string(checks, outcome, GRANT_CONDITIONS), false, COMMENT_MAX, true);
          clean.put(GRANT_CONDITIONS, conditions == null ? "" : conditions);
        }
        if (REJECT.equals(decision)) {
          clean.put(REJECTION_REASONS,
              checks.text(REJECTION_REASONS, string(checks, outcome, REJECTION_REASONS), true, COMMENT_MAX, true));
        }
        // the comment is the manager's note for the file: never printed on a notice
        clean.put(COMMENT, comment(checks, outcome, false));
      }
      case CORRECT_APPLICATION -> {
        // what the correction leaves out stays as the application record has it, not as a process variable has it:
        // the outcome always carries all five, so the change that applies it reads no stale or altered copy
        SubsidyApplication current = store.find(task.businessKey()).orElse(null);
        putIfPresent(clean, TITLE, outcome.containsKey(TITLE)
            ? checks.text(TITLE, string(checks, outcome, TITLE), true, SubmitApplication.TITLE_MAX, false)
            : current == null ? null : current.title());
        putIfPresent(clean, DESCRIPTION, outcome.containsKey(DESCRIPTION)
            ? checks.text(DESCRIPTION, string(checks, outcome, DESCRIPTION), true, SubmitApplication.DESCRIPTION_MAX, true)
            : current == null ? null : current.description());
        putIfPresent(clean, REQUESTED_AMOUNT, outcome.containsKey(REQUESTED_AMOUNT)
            ? checks.amount(REQUESTED_AMOUNT, decimal(checks, outcome, REQUESTED_AMOUNT), true)
            : current == null ? null : (Object) current.requestedAmount());
        LocalDate start = outcome.containsKey(PLANNED_START) ? date(checks, outcome, PLANNED_START)
            : current == null ? null : current.plannedStart();
        LocalDate end = outcome.containsKey(PLANNED_END) ? date(checks, outcome, PLANNED_END)
            : current == null ? null : current.plannedEnd();
        checks.period(PLANNED_START, start, PLANNED_END, end);
        putIfPresent(clean, PLANNED_START, start == null ? null : start.toString());
        putIfPresent(clean, PLANNED_END, end == null ? null : end.toString());
        clean.put(COMMENT, comment(checks, outcome, false));
      }
      case SUBMIT_PERFORMANCE_REPORT -> {
        clean.put(ACTUAL_COST, checks.amount(ACTUAL_COST, decimal(checks, outcome, ACTUAL_COST), true));
        clean.put(REPORT, checks.text(REPORT, string(checks, outcome, REPORT), true, COMMENT_MAX, true));
      }
      default -> throw new IllegalStateException("no rules for " + task.taskDefinitionKey());
    }
    checks.throwIfAny();
    return clean;
  }

  /**
   * The deadline of a report sent back: the reviewer's, from tomorrow to {@value SubsidyContract#REPORT_CORRECTION_MAX_DAYS}
   * days ahead, or {@value SubsidyContract#REPORT_CORRECTION_DAYS} days from today when the reviewer leaves it empty. (The form offers the
   * default too; a deadline sent with "confirm" is not kept.)
   */
  private LocalDate reportDeadline(FieldChecks checks, Map<String, Object> outcome) {
    LocalDate today = JapanTime.today(clock);
    Object sent = outcome.get(REPORT_CORRECTION_DEADLINE);
    if (sent == null || sent instanceof String s && s.isBlank()) {
      return ReportCorrections.defaultDeadline(today);
    }
    LocalDate deadline = date(checks, outcome, REPORT_CORRECTION_DEADLINE);
    if (deadline != null && (!deadline.isAfter(today) || deadline.isAfter(today.plusDays(SubsidyContract.REPORT_CORRECTION_MAX_DAYS)))) {
      checks.add(REPORT_CORRECTION_DEADLINE, "input.deadline.range", SubsidyContract.REPORT_CORRECTION_MAX_DAYS);
    }
    return deadline == null ? today : deadline;
  }

  private static String comment(FieldChecks checks, Map<String, Object> outcome, boolean required) {
    String c = checks.text(COMMENT, string(checks, outcome, COMMENT), required, COMMENT_MAX, true);
    return c == null ? "" : c;
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static String string(FieldChecks checks, Map<String, Object> outcome, String field) {
    Object v = outcome.get(field);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    checks.add(field, "input.format");
    return null;
  }

  private static BigDecimal decimal(FieldChecks checks, Map<String, Object> outcome, String field) {
    Object v = outcome.get(field);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.strip());
      } catch (NumberFormatException e) {
        checks.add(field, "input.number.format");
        return null;
      }
    }
    checks.add(field, "input.number.format");
    return null;
  }

  private static LocalDate date(FieldChecks checks, Map<String, Object> outcome, String field) {
    Object v = outcome.get(field);
    if (v == null || (v instanceof String s && s.isBlank())) {
      checks.add(field, "input.required");
      return null;
    }
    try {
      return LocalDate.parse(v.toString());
    } catch (DateTimeParseException e) {
      checks.add(field, "input.date.format");
      return null;
    }
  }
}
