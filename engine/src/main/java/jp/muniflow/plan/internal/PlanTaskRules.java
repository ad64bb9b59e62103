package jp.muniflow.plan.internal;

import static jp.muniflow.processes.plan.PlanContract.RECORD_COUNCIL_DECISION;
import static jp.muniflow.processes.plan.PlanContract.REQUEST_CHANGES;
import static jp.muniflow.processes.plan.PlanContract.REVIEW_PLAN;
import static jp.muniflow.processes.plan.PlanContract.REVISE_PLAN;
import static jp.muniflow.processes.plan.PlanVariables.APPROVED;
import static jp.muniflow.processes.plan.PlanVariables.COMMENT;
import static jp.muniflow.processes.plan.PlanVariables.COUNCIL_DATE;
import static jp.muniflow.processes.plan.PlanVariables.DECISION;
import static jp.muniflow.processes.plan.PlanVariables.PLAN;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import jp.muniflow.platform.FieldChecks;
import jp.muniflow.processes.plan.PlanContract;
import jp.muniflow.processes.plan.PlanVariables;
import jp.muniflow.task.OutcomeRules;
import org.springframework.stereotype.Component;

/** What each task of {@code programPlanApproval} needs to complete. */
@Component
class PlanTaskRules extends OutcomeRules {

  private final PlanReader reader;

  PlanTaskRules(PlanReader reader) {
    super(PlanVariables.PROCESS_KEY, PlanVariables.ALL, PlanContract.OUTCOMES);
    this.reader = reader;
  }

  @Override
  public Map<String, Object> check(TaskFacts task, Map<String, Object> outcome) {
    FieldChecks checks = checksOf(task, outcome);
    Map<String, Object> clean = new LinkedHashMap<>();
    switch (task.taskDefinitionKey()) {
      case REVIEW_PLAN -> {
        String decision = checks.oneOf(DECISION, outcome.get(DECISION), PlanContract.DECISIONS.get(REVIEW_PLAN));
        clean.put(DECISION, decision);
        String comment = checks.text(COMMENT, stringOrNull(outcome.get(COMMENT)), REQUEST_CHANGES.equals(decision), 4000, true);
        clean.put(COMMENT, comment == null ? "" : comment);
      }
      case REVISE_PLAN -> {
        checks.throwIfAny();
        Object plan = outcome.get(PLAN);
        // the whole revised plan is checked now, so that a bad file is refused before the reviews start again
        reader.read(plan instanceof String s ? s : null, Set.of());
        clean.put(PLAN, plan);
        String comment = checks.text(COMMENT, stringOrNull(outcome.get(COMMENT)), false, 4000, true);
        clean.put(COMMENT, comment == null ? "" : comment);
      }
      case RECORD_COUNCIL_DECISION -> {
        Object date = outcome.get(COUNCIL_DATE);
        if (date == null || date.toString().isBlank()) {
          checks.add(COUNCIL_DATE, "input.required");
        } else {
          try {
            clean.put(COUNCIL_DATE, LocalDate.parse(date.toString()).toString());
          } catch (DateTimeParseException e) {
            checks.add(COUNCIL_DATE, "input.date.format");
          }
        }
        Object approved = outcome.get(APPROVED);
        if (approved instanceof Boolean b) {
          clean.put(APPROVED, b);
        } else if ("true".equals(approved) || "false".equals(approved)) {
          clean.put(APPROVED, Boolean.parseBoolean((String) approved));
        } else {
          checks.add(APPROVED, approved == null ? "input.required" : "input.boolean");
        }
      }
      default -> throw new IllegalStateException("no rules for " + task.taskDefinitionKey());
    }
    checks.throwIfAny();
    return clean;
  }

  private static String stringOrNull(Object value) {
    return value instanceof String s ? s : value == null ? null : value.toString();
  }
}
