package jp.muniflow.plan;

import static jp.muniflow.processes.plan.PlanVariables.COORDINATOR_GROUP;
import static jp.muniflow.processes.plan.PlanVariables.COORDINATOR_SECRETARIAT;
import static jp.muniflow.processes.plan.PlanVariables.FISCAL_YEAR;
import static jp.muniflow.processes.plan.PlanVariables.MUNICIPALITY_CODES;
import static jp.muniflow.processes.plan.PlanVariables.PLAN_ID;
import static jp.muniflow.processes.plan.PlanVariables.REVIEW_GROUPS;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.plan.internal.PlanReader;
import jp.muniflow.plan.internal.PlanStore;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.processes.plan.PlanVariables;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.tenants.GroupIds;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.Secretariat;
import jp.muniflow.tenants.TenantRegistry;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordinator submits a fiscal year's plan: checked whole, stored, and its approval process started with the
 * five secretariats' managers as reviewers. One transaction: a refused plan leaves nothing behind.
 */
@Service
public class SubmitPlan {

  /** The coordinator of the joint project, who submits and revises plans and records the council's decision. */
  public static final String COORDINATOR = "kyogikai";

  private final PlanReader reader;
  private final PlanStore store;
  private final RuntimeService runtime;
  private final TenantRegistry registry;
  private final Clock clock;

  SubmitPlan(PlanReader reader, PlanStore store, RuntimeService runtime, TenantRegistry registry, Clock clock) {
    this.reader = reader;
    this.store = store;
    this.runtime = runtime;
    this.registry = registry;
    this.clock = clock;
  }

  @Transactional
  public Plan submit(MuniFlowUser user, String planText) {
    if (!user.isMemberOf(GroupIds.managers(COORDINATOR))) {
      throw BusinessRuleException.forbidden("plan.coordinator-only");
    }
    PlanDocument document = reader.read(planText, store.approvedYears());
    if (store.ofYear(document.fiscalYear()).stream().anyMatch(p -> isOpen(p.status()))) {
      throw BusinessRuleException.conflict("plan.year-in-progress", String.valueOf(document.fiscalYear()));
    }
    int attempt = store.nextAttempt(document.fiscalYear());
    String id = document.fiscalYear() + "-" + attempt;
    Instant now = Instant.now(clock);
    Map<String, Object> variables = new HashMap<>();
    variables.put(PLAN_ID, id);
    variables.put(FISCAL_YEAR, document.fiscalYear());
    variables.put(COORDINATOR_GROUP, GroupIds.managers(COORDINATOR));
    variables.put(COORDINATOR_SECRETARIAT, COORDINATOR);
    variables.put(REVIEW_GROUPS, jsonList(registry.secretariats().stream().map(Secretariat::managersGroup).toList()));
    variables.put(MUNICIPALITY_CODES, jsonList(registry.municipalities().stream().map(Municipality::code).toList()));
    String instance = runtime.createProcessInstanceByKey(PlanVariables.PROCESS_KEY).businessKey(id)
        .processDefinitionWithoutTenantId().setVariables(variables).execute().getId();
    try {
      store.insert(new Plan(id, document.fiscalYear(), attempt, 1, PlanStatus.IN_REVIEW, document, instance, null,
          user.username(), now, now));
    } catch (DuplicateKeyException e) {
      throw BusinessRuleException.conflict("plan.year-in-progress", String.valueOf(document.fiscalYear()));
    }
    return store.find(id).orElseThrow();
  }

  static boolean isOpen(PlanStatus status) {
    return status != PlanStatus.APPROVED && status != PlanStatus.NOT_APPROVED;
  }

  private static Object jsonList(List<String> values) {
    return Variables.objectValue(new ArrayList<>(values)).serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .create();
  }
}
