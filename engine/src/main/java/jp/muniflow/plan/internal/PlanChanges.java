package jp.muniflow.plan.internal;

import static jp.muniflow.processes.plan.PlanVariables.ALL_APPROVED;
import static jp.muniflow.processes.plan.PlanVariables.COUNCIL_DATE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import jp.muniflow.engineadapter.EngineEntities;
import jp.muniflow.plan.Plan;
import jp.muniflow.plan.PlanApproved;
import jp.muniflow.plan.PlanDocument;
import jp.muniflow.plan.PlanStatus;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.processes.plan.PlanCommand;
import jp.muniflow.processes.plan.PlanContract;
import jp.muniflow.processes.plan.ProgramPlans;
import jp.muniflow.tenants.GroupIds;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The engine's side of the {@link ProgramPlans} port: reviews recorded, the round evaluated, a revision stored, the
 * council's decision recorded. An approved plan opens its fiscal year's subsidy with the cap of its subsidy program,
 * and puts the plan into the process as the notices' model (the press release prints its programs).
 */
@Component
class PlanChanges implements ProgramPlans {

  private final PlanStore store;
  private final PlanReader reader;
  private final ApplicationEventPublisher events;
  private final IdentityService identity;
  private final Clock clock;

  PlanChanges(PlanStore store, PlanReader reader, ApplicationEventPublisher events, IdentityService identity, Clock clock) {
    this.store = store;
    this.reader = reader;
    this.events = events;
    this.identity = identity;
    this.clock = clock;
  }

  /**
   * A copy in {@code ArrayList} and {@code LinkedHashMap}: the JSON of a variable names its Java type, and only such
   * plain, allow-listed types may be read back (an immutable {@code List.of} may not).
   */
  static Object plainCopy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), plainCopy(v)));
      return copy;
    }
    if (value instanceof java.util.Collection<?> list) {
      java.util.List<Object> copy = new java.util.ArrayList<>();
      list.forEach(v -> copy.add(plainCopy(v)));
      return copy;
    }
    return value;
  }

  @Override
  public Map<String, Object> apply(String planId, PlanCommand command) {
    Plan plan = store.lock(planId).orElseThrow(() -> new IllegalStateException("no plan " + planId));
    Instant now = Instant.now(clock);
    if (command instanceof PlanCommand.RecordReview review) {
      String secretariat = GroupIds.secretariatOfGroup(review.reviewGroup()).orElseThrow();
      store.insertReview(planId, plan.revision(), secretariat, review.decision(), review.comment(),
          EngineEntities.authenticatedUserId(identity), now);
    } else if (command instanceof PlanCommand.EvaluateReviews) {
      boolean allApproved = store.reviews(planId).stream().filter(r -> r.revision() == plan.revision())
          .allMatch(r -> PlanContract.APPROVE.equals(r.decision()));
      store.update(plan.with(allApproved ? PlanStatus.COUNCIL_PENDING : PlanStatus.REVISION_REQUESTED, now));
      return Map.of(ALL_APPROVED, allApproved);
    } else if (command instanceof PlanCommand.Revise revise) {
      PlanDocument revised = reader.read(revise.plan(), Set.of());
      if (revised.fiscalYear() != plan.fiscalYear()) {
        throw BusinessRuleException.unprocessable("plan.revision.other-year", String.valueOf(plan.fiscalYear()));
      }
      store.update(new Plan(plan.id(), plan.fiscalYear(), plan.attempt(), plan.revision() + 1, PlanStatus.IN_REVIEW,
          revised, plan.processInstanceId(), null, plan.submittedBy(), plan.submittedAt(), now));
    } else if (command instanceof PlanCommand.RecordCouncilDecision council) {
      LocalDate councilDate = council.councilDate();
      boolean approved = council.approved();
      store.update(new Plan(plan.id(), plan.fiscalYear(), plan.attempt(), plan.revision(),
          approved ? PlanStatus.APPROVED : PlanStatus.NOT_APPROVED, plan.document(), plan.processInstanceId(),
          councilDate, plan.submittedBy(), plan.submittedAt(), now));
      if (!approved) {
        return Map.of();
      }
      events.publishEvent(new PlanApproved(plan.id(), plan.fiscalYear(), plan.document().subsidyCap()
          .map(java.util.OptionalLong::of).orElseGet(java.util.OptionalLong::empty), plan.document().grantRules().orElse(null)));
      Map<String, Object> model = new HashMap<>(plan.document().noticeModel());
      model.put(COUNCIL_DATE, councilDate.toString());
      Map<String, Object> result = new HashMap<>();
      model.forEach((name, value) -> result.put(name, value instanceof java.util.List<?> || value instanceof Map<?, ?>
          ? Variables.objectValue(plainCopy(value)).serializationDataFormat(Variables.SerializationDataFormats.JSON).create()
          : value));
      return result;
    } else {
      throw new IllegalArgumentException("unknown command " + command);
    }
    return Map.of();
  }
}
