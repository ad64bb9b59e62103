package jp.muniflow.processes.plan;

import static jp.muniflow.processes.plan.PlanContract.APPROVE;
import static jp.muniflow.processes.plan.PlanContract.RECORD_COUNCIL_DECISION;
import static jp.muniflow.processes.plan.PlanContract.REQUEST_CHANGES;
import static jp.muniflow.processes.plan.PlanContract.REVIEW_PLAN;
import static jp.muniflow.processes.plan.PlanContract.REVISE_PLAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path through {@code programPlanApproval}: all five approve; one asks for changes, the plan is revised and
 * reviewed again; the council's decision, approving or not.
 */
@Deployment(resources = {"processes/plan/programPlanApproval.bpmn", "processes/plan/reviewPlan.form",
    "processes/plan/revisePlan.form", "processes/plan/recordCouncilDecision.form"})
class ProgramPlanApprovalProcessTest {

  private static final List<String> GROUPS = List.of("kuchokai-managers", "shichokai-managers", "chosonkai-managers",
      "kyogikai-managers", "chosakai-managers");
  private static final List<String> MUNICIPALITIES = List.of("131016", "132012", "133078");

  /** Records the changes and answers as the engine does: allApproved when no review of the round asked for changes. */
  static final class RecordingPlans implements ProgramPlans {
    final List<String> changes = new ArrayList<>();
    final List<String> reviews = new ArrayList<>();
    final List<String> roundDecisions = new ArrayList<>();

    @Override
    public Map<String, Object> apply(String planId, PlanCommand command) {
      changes.add(command.change().name());
      if (command instanceof PlanCommand.RecordReview review) {
        reviews.add(review.reviewGroup() + ":" + review.decision());
        roundDecisions.add(review.decision());
      }
      if (command instanceof PlanCommand.EvaluateReviews) {
        boolean all = roundDecisions.stream().allMatch(APPROVE::equals);
        roundDecisions.clear();
        return Map.of("allApproved", all);
      }
      return Map.of();
    }
  }

  /** Stands in for issueNoticeDelegate: which notice, for which municipality. */
  static final class RecordingNotices implements JavaDelegate {
    final List<String> issued = new ArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
      String tenantVariable = (String) execution.getVariableLocal("tenantVariable");
      Object tenant = tenantVariable == null ? null : execution.getVariable(tenantVariable);
      issued.add(execution.getVariableLocal("templateKey") + (tenant == null ? "" : "@" + tenant)
          + " by " + execution.getVariable((String) execution.getVariableLocal("issuerVariable")));
    }
  }

  private static final RecordingPlans PLANS = new RecordingPlans();
  private static final RecordingNotices NOTICES = new RecordingNotices();
  private static final ProcessEngine[] ENGINE = {jp.muniflow.processes.subsidy.ProcessTestEngineAccess.build(Map.of(
      "updatePlanDelegate", new UpdatePlanDelegate(PLANS), "issueNoticeDelegate", NOTICES))};

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE[0]).build();

  ProcessEngine engine;

  @BeforeEach
  void clear() {
    // several test engines live in this JVM: tell the assertions which one this class uses
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
    PLANS.changes.clear();
    PLANS.reviews.clear();
    PLANS.roundDecisions.clear();
    NOTICES.issued.clear();
  }

  private ProcessInstance submit() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("planId", "plan-2012-1");
    vars.put("fiscalYear", 2012);
    vars.put("coordinatorGroup", "kyogikai-managers");
    vars.put("coordinatorSecretariat", "kyogikai");
    vars.put("reviewGroups", Variables.objectValue(new ArrayList<>(GROUPS)).serializationDataFormat("application/json").create());
    vars.put("municipalityCodes", Variables.objectValue(new ArrayList<>(MUNICIPALITIES)).serializationDataFormat("application/json").create());
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("programPlanApproval", "2012", vars);
    assertThat(pi).isWaitingAt("Event_planSubmitted");
    execute(job());
    return pi;
  }

  private void review(ProcessInstance pi, String group, String decision, String comment) {
    Task t = taskQuery().processInstanceId(pi.getId()).taskCandidateGroup(group).singleResult();
    assertThat(t).as("a review for " + group).isNotNull();
    complete(t, withVariables("decision", decision, "comment", comment));
  }

  private void allApprove(ProcessInstance pi) {
    for (String g : GROUPS) {
      review(pi, g, APPROVE, "");
    }
  }

  private void issueNotices(ProcessInstance pi) {
    while (jobQuery().processInstanceId(pi.getId()).count() > 0) {
      execute(jobQuery().processInstanceId(pi.getId()).list().get(0));
    }
  }

  @Test
  void the_five_secretariats_review_in_parallel_and_all_approve() {
    ProcessInstance pi = submit();
    List<Task> reviews = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(REVIEW_PLAN).list();
    assertThat(reviews).hasSize(5);
    allApprove(pi);
    assertThat(task(pi)).hasDefinitionKey(RECORD_COUNCIL_DECISION).hasCandidateGroup("kyogikai-managers");
    assertThat(PLANS.changes).containsExactly("REVIEW_RECORDED", "REVIEW_RECORDED", "REVIEW_RECORDED", "REVIEW_RECORDED",
        "REVIEW_RECORDED", "REVIEWS_EVALUATED");
    assertThat(PLANS.reviews).containsExactlyInAnyOrder("kuchokai-managers:approve", "shichokai-managers:approve",
        "chosonkai-managers:approve", "kyogikai-managers:approve", "chosakai-managers:approve");
  }

  @Test
  void one_request_for_changes_sends_the_plan_back_and_the_reviews_start_again() {
    ProcessInstance pi = submit();
    review(pi, "kuchokai-managers", APPROVE, "");
    review(pi, "shichokai-managers", REQUEST_CHANGES, "事業費の内訳を示してください");
    review(pi, "chosonkai-managers", APPROVE, "");
    review(pi, "kyogikai-managers", APPROVE, "");
    review(pi, "chosakai-managers", APPROVE, "");
    assertThat(task(pi)).hasDefinitionKey(REVISE_PLAN).hasCandidateGroup("kyogikai-managers");
    complete(task(pi), withVariables("plan", "fiscal_year: 2012", "comment", "内訳を追記しました"));
    assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(REVIEW_PLAN).count()).isEqualTo(5);
    allApprove(pi);
    assertThat(task(pi)).hasDefinitionKey(RECORD_COUNCIL_DECISION);
    assertThat(PLANS.changes).containsSubsequence("REVIEWS_EVALUATED", "REVISED", "REVIEW_RECORDED", "REVIEWS_EVALUATED");
    assertThat(PLANS.reviews).hasSize(10).contains("shichokai-managers:requestChanges");
  }

  @Test
  void the_council_approves_and_every_municipality_and_the_press_get_their_notice() {
    ProcessInstance pi = submit();
    allApprove(pi);
    complete(task(pi), withVariables("councilDate", "2012-02-08", "approved", true));
    issueNotices(pi);
    assertThat(pi).isEnded().hasPassed("Event_planApproved");
    assertThat(NOTICES.issued).containsExactly("plan.decision@131016 by kyogikai", "plan.decision@132012 by kyogikai",
        "plan.decision@133078 by kyogikai", "plan.press-release by kyogikai");
    assertThat(PLANS.changes).endsWith("COUNCIL_RECORDED");
  }

  @Test
  void a_plan_the_council_does_not_approve_ends_without_notices() {
    ProcessInstance pi = submit();
    allApprove(pi);
    complete(task(pi), withVariables("councilDate", "2012-02-08", "approved", false));
    assertThat(pi).isEnded().hasPassed("Event_planNotApproved").hasNotPassed("Activity_noticeDecisions");
    assertThat(NOTICES.issued).isEmpty();
  }
}
