package jp.muniflow.processes.subsidy;

import static jp.muniflow.processes.subsidy.SubsidyChange.CONFIRMED;
import static jp.muniflow.processes.subsidy.SubsidyChange.CORRECTED;
import static jp.muniflow.processes.subsidy.SubsidyChange.CORRECTION_REQUESTED;
import static jp.muniflow.processes.subsidy.SubsidyChange.DEADLINE_NEAR;
import static jp.muniflow.processes.subsidy.SubsidyChange.DECIDED;
import static jp.muniflow.processes.subsidy.SubsidyChange.LAPSED;
import static jp.muniflow.processes.subsidy.SubsidyChange.REMINDED;
import static jp.muniflow.processes.subsidy.SubsidyChange.REPORTED;
import static jp.muniflow.processes.subsidy.SubsidyChange.REPORT_RETURNED;
import static jp.muniflow.processes.subsidy.SubsidyChange.WITHDRAWN;
import static jp.muniflow.processes.subsidy.SubsidyContract.CONFIRM;
import static jp.muniflow.processes.subsidy.SubsidyContract.CORRECT_APPLICATION;
import static jp.muniflow.processes.subsidy.SubsidyContract.DECIDE_GRANT;
import static jp.muniflow.processes.subsidy.SubsidyContract.FORWARD;
import static jp.muniflow.processes.subsidy.SubsidyContract.GRANT;
import static jp.muniflow.processes.subsidy.SubsidyContract.REJECT;
import static jp.muniflow.processes.subsidy.SubsidyContract.REQUEST_CORRECTION;
import static jp.muniflow.processes.subsidy.SubsidyContract.RETURN_TO_REVIEW;
import static jp.muniflow.processes.subsidy.SubsidyContract.REVIEW_APPLICATION;
import static jp.muniflow.processes.subsidy.SubsidyContract.REVIEW_PERFORMANCE_REPORT;
import static jp.muniflow.processes.subsidy.SubsidyContract.SUBMIT_PERFORMANCE_REPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path through {@code subsidyReview}: which tasks appear for which groups, which notices are issued in which
 * order by which secretariat, and which changes reach the application.
 */
@Deployment(resources = {"processes/subsidy/subsidyReview.bpmn", "processes/subsidy/subsidyRouting.dmn",
    "processes/subsidy/reviewApplication.form", "processes/subsidy/correctApplication.form",
    "processes/subsidy/decideGrant.form", "processes/subsidy/submitPerformanceReport.form",
    "processes/subsidy/reviewPerformanceReport.form"})
class SubsidyReviewProcessTest {

  private static final RecordingSubsidyApplications APPLICATIONS = new RecordingSubsidyApplications();
  private static final RecordingNoticeDelegate NOTICES = new RecordingNoticeDelegate();
  // held in an array: the extension injects into every field of type ProcessEngine, static final ones included
  private static final ProcessEngine[] ENGINE_HOLDER = {ProcessTestEngine.build(Map.of(
      "routeApplicationDelegate", new RouteApplicationDelegate(APPLICATIONS),
      "updateSubsidyApplicationDelegate", new UpdateSubsidyApplicationDelegate(APPLICATIONS),
      "issueNoticeDelegate", NOTICES))};

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE_HOLDER[0]).build();

  ProcessEngine engine;

  @BeforeEach
  void clearRecords() {
    // several test engines live in this JVM: tell the assertions which one this class uses
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
    APPLICATIONS.routings.clear();
    APPLICATIONS.changes.clear();
    APPLICATIONS.commands.clear();
    NOTICES.issued.clear();
    NOTICES.issuers.clear();
    NOTICES.models.clear();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Submits a ward's application and runs the routing and the receipt notice. */
  private ProcessInstance submit(String kind, long amount) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(SubsidyVariables.APPLICATION_ID, "2026-131016-01");
    vars.put(SubsidyVariables.TENANT_ID, "131016");
    vars.put(SubsidyVariables.MUNICIPALITY_KIND, kind);
    vars.put(SubsidyVariables.STAFF_GROUP, "staff-131016");
    vars.put(SubsidyVariables.FISCAL_YEAR, 2026);
    vars.put(SubsidyVariables.TITLE, "省エネ改修");
    vars.put(SubsidyVariables.REQUESTED_AMOUNT, amount);
    vars.put(SubsidyVariables.PLANNED_START, "2026-06-01");
    vars.put(SubsidyVariables.PLANNED_END, "2027-02-28");
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(SubsidyVariables.PROCESS_KEY, "2026-131016-01", vars);
    assertThat(pi).isWaitingAt("Event_submitted");
    execute(job());                       // routing, after the submission's transaction
    assertThat(pi).isWaitingAt("Activity_noticeReceipt");
    execute(job());                       // the receipt notice
    assertThat(pi).isWaitingAt(REVIEW_APPLICATION);
    return pi;
  }

  private void runNotice(ProcessInstance pi, String activityId) {
    assertThat(pi).isWaitingAt(activityId);
    execute(job(activityId));
  }

  private void grantAndReport(ProcessInstance pi, long granted, long actual) {
    grantAndReport(pi, granted, actual, "kyogikai");
  }

  private void grantAndReport(ProcessInstance pi, long granted, long actual, String secretariat) {
    complete(task(pi), withVariables("decision", FORWARD, "comment", ""));
    assertThat(task(pi)).hasDefinitionKey(DECIDE_GRANT).hasCandidateGroup(secretariat + "-managers");
    complete(task(pi), withVariables("decision", GRANT, "grantedAmount", granted, "comment", "適当と認める"));
    runNotice(pi, "Activity_noticeGrant");
    assertThat(task(pi)).hasDefinitionKey(SUBMIT_PERFORMANCE_REPORT).hasCandidateGroup("staff-131016");
    complete(task(pi), withVariables("actualCost", actual, "report", "実施しました"));
    runNotice(pi, "Activity_noticeReportReceipt");
    assertThat(task(pi)).hasDefinitionKey(REVIEW_PERFORMANCE_REPORT).hasCandidateGroup(secretariat + "-reviewers");
  }

  @Test
  void grant_then_a_report_below_the_grant_confirms_the_actual_cost() {
    ProcessInstance pi = submit("ward", 1_200_000);
    assertThat(task(pi)).hasCandidateGroup("kyogikai-reviewers");
    grantAndReport(pi, 1_000_000, 900_000);
    complete(task(pi), withVariables("decision", CONFIRM, "comment", ""));
    runNotice(pi, "Activity_noticeConfirmation");

    assertThat(pi).isEnded().hasPassed("Event_confirmed").variables().containsEntry("confirmedAmount", 900_000L);
    assertThat(NOTICES.issued).containsExactly("subsidy.receipt", "subsidy.grant", "subsidy.report-receipt",
        "subsidy.confirmation");
    assertThat(NOTICES.issuers).containsOnly("kyogikai");
    assertThat(APPLICATIONS.changes).containsExactly(DECIDED, REPORTED, CONFIRMED);
  }

  @Test
  void a_report_above_the_grant_confirms_the_grant() {
    ProcessInstance pi = submit("ward", 1_500_000);
    grantAndReport(pi, 1_500_000, 1_800_000);
    complete(task(pi), withVariables("decision", CONFIRM));
    runNotice(pi, "Activity_noticeConfirmation");
    assertThat(pi).isEnded().variables().containsEntry("confirmedAmount", 1_500_000L);
  }

  @Test
  void a_report_sent_back_is_filed_again_then_confirmed() {
    // no earlier correction of the application: the process holds no correctionDeadline, and must not need one
    ProcessInstance pi = submit("ward", 1_000_000);
    grantAndReport(pi, 1_000_000, 1_000_000);
    assertThat(engine.getRuntimeService().getVariables(pi.getId())).doesNotContainKey(SubsidyVariables.CORRECTION_DEADLINE);
    complete(task(pi), withVariables("decision", REQUEST_CORRECTION, "comment", "領収書の添付がありません",
        "reportCorrectionDeadline", "2027-03-31"));
    runNotice(pi, "Activity_noticeReportCorrection");
    assertThat(lastNotice()).containsEntry("reportCorrectionDeadline", "2027-03-31")
        .containsEntry("comment", "領収書の添付がありません");
    assertThat(task(pi)).hasDefinitionKey(SUBMIT_PERFORMANCE_REPORT);
    complete(task(pi), withVariables("actualCost", 950_000L, "report", "領収書を添付しました"));
    runNotice(pi, "Activity_noticeReportReceipt");
    complete(task(pi), withVariables("decision", CONFIRM));
    runNotice(pi, "Activity_noticeConfirmation");
    assertThat(pi).isEnded().variables().containsEntry("confirmedAmount", 950_000L);
    assertThat(APPLICATIONS.changes).containsExactly(DECIDED, REPORTED, REPORT_RETURNED, REPORTED, CONFIRMED);
    assertThat(NOTICES.issued).containsExactly("subsidy.receipt", "subsidy.grant", "subsidy.report-receipt",
        "subsidy.report-correction-request", "subsidy.report-receipt", "subsidy.confirmation");
  }

  @Test
  void a_report_sent_back_without_a_deadline_gets_the_one_its_return_sets() {
    ProcessInstance pi = submit("city", 800_000);
    grantAndReport(pi, 800_000, 700_000, "shichokai");
    complete(task(pi), withVariables("decision", REQUEST_CORRECTION, "comment", "内訳を示してください"));
    runNotice(pi, "Activity_noticeReportCorrection");
    assertThat(lastNotice()).containsEntry("reportCorrectionDeadline", RecordingSubsidyApplications.DEFAULT_REPORT_DEADLINE);
    assertThat(task(pi)).hasDefinitionKey(SUBMIT_PERFORMANCE_REPORT).hasCandidateGroup("staff-131016");
    assertThat(NOTICES.issuers).containsOnly("shichokai");
  }

  @Test
  void a_report_sent_back_twice_gets_a_notice_with_its_own_deadline_each_time() {
    ProcessInstance pi = submit("ward", 1_000_000);
    grantAndReport(pi, 1_000_000, 1_000_000);
    complete(task(pi), withVariables("decision", REQUEST_CORRECTION, "comment", "一回目", "reportCorrectionDeadline", "2027-01-15"));
    runNotice(pi, "Activity_noticeReportCorrection");
    complete(task(pi), withVariables("actualCost", 990_000L, "report", "直しました"));
    runNotice(pi, "Activity_noticeReportReceipt");
    complete(task(pi), withVariables("decision", REQUEST_CORRECTION, "comment", "二回目", "reportCorrectionDeadline", "2027-02-15"));
    runNotice(pi, "Activity_noticeReportCorrection");
    assertThat(lastNotice()).containsEntry("reportCorrectionDeadline", "2027-02-15").containsEntry("comment", "二回目");
    assertThat(NOTICES.issued).filteredOn("subsidy.report-correction-request"::equals).hasSize(2);
    assertThat(APPLICATIONS.changes).containsExactly(DECIDED, REPORTED, REPORT_RETURNED, REPORTED, REPORT_RETURNED);
  }

  @Test
  void after_a_correction_of_the_application_the_report_s_correction_still_gets_its_own_notice_and_deadline() {
    ProcessInstance pi = submit("ward", 1_000_000);
    complete(task(pi), withVariables("decision", REQUEST_CORRECTION, "comment", "見積書を添付してください"));
    runNotice(pi, "Activity_noticeCorrection");
    complete(task(pi), withVariables("comment", "添付しました"));
    grantAndReport(pi, 1_000_000, 900_000);
    complete(task(pi), withVariables("decision", REQUEST_CORRECTION, "comment", "写真がありません", "reportCorrectionDeadline", "2027-03-01"));
    runNotice(pi, "Activity_noticeReportCorrection");
    assertThat(lastNotice()).containsEntry("reportCorrectionDeadline", "2027-03-01");
    assertThat(NOTICES.issued).containsExactly("subsidy.receipt", "subsidy.correction-request", "subsidy.grant",
        "subsidy.report-receipt", "subsidy.report-correction-request");
  }

  private Map<String, Object> lastNotice() {
    return NOTICES.models.get(NOTICES.models.size() - 1);
  }

  @Test
  void rejection_ends_with_the_rejection_notice() {
    ProcessInstance pi = submit("city", 800_000);
    assertThat(task(pi)).hasCandidateGroup("shichokai-reviewers");
    complete(task(pi), withVariables("decision", FORWARD));
    assertThat(task(pi)).hasCandidateGroup("shichokai-managers");
    complete(task(pi), withVariables("decision", REJECT, "rejectionReasons", "対象外の経費です"));
    runNotice(pi, "Activity_noticeRejection");
    assertThat(pi).isEnded().hasPassed("Event_rejected").hasNotPassed("Activity_noticeGrant");
    assertThat(NOTICES.issued).containsExactly("subsidy.receipt", "subsidy.rejection");
    assertThat(NOTICES.issuers).containsOnly("shichokai");
    assertThat(APPLICATIONS.changes).containsExactly(DECIDED);
  }

  @Test
  void a_correction_then_resubmission_then_grant() {
    ProcessInstance pi = submit("village", 600_000);
    assertThat(APPLICATIONS.routings).containsExactly("chosonkai/shichokai");
    assertThat(task(pi)).hasCandidateGroup("chosonkai-reviewers");
    complete(task(pi), withVariables("decision", REQUEST_CORRECTION, "comment", "事業期間を確認してください"));
    runNotice(pi, "Activity_noticeCorrection");
    assertThat(task(pi)).hasDefinitionKey(CORRECT_APPLICATION).hasCandidateGroup("staff-131016");
    complete(task(pi), withVariables("plannedEnd", "2027-01-31", "comment", "期間を修正しました"));
    assertThat(task(pi)).hasDefinitionKey(REVIEW_APPLICATION).hasCandidateGroup("chosonkai-reviewers");
    complete(task(pi), withVariables("decision", FORWARD));
    assertThat(task(pi)).hasCandidateGroup("shichokai-managers");
    complete(task(pi), withVariables("decision", GRANT, "grantedAmount", 600_000L));
    runNotice(pi, "Activity_noticeGrant");

    assertThat(NOTICES.issued).containsExactly("subsidy.receipt", "subsidy.correction-request", "subsidy.grant");
    assertThat(NOTICES.issuers).containsOnly("shichokai");
    assertThat(APPLICATIONS.changes).containsExactly(CORRECTION_REQUESTED, CORRECTED, DECIDED);
    // the reminder and lapse timers went with the answered correction
    assertThat(jobQuery().timers().count()).isZero();
  }

  @Test
  void an_unanswered_correction_is_reminded_at_7_days_told_3_days_before_its_deadline_and_lapses_at_30() {
    Date now = new Date((ClockUtil.getCurrentTime().getTime() / 1000) * 1000);
    ClockUtil.setCurrentTime(now);
    ProcessInstance pi = submit("town", 500_000);
    complete(task(pi), withVariables("decision", REQUEST_CORRECTION, "comment", "見積書を添付してください"));
    runNotice(pi, "Activity_noticeCorrection");
    assertThat(task(pi)).hasDefinitionKey(CORRECT_APPLICATION);

    Job reminder = jobQuery().activityId("Event_reminderTimer").singleResult();
    Job lapse = jobQuery().activityId("Event_lapseTimer").singleResult();
    Job deadlineSoon = jobQuery().activityId("Event_deadlineSoonTimer").singleResult();
    assertThat(Duration.between(now.toInstant(), reminder.getDuedate().toInstant())).isEqualTo(Duration.ofDays(SubsidyContract.REMINDER_AFTER.getDays()));
    assertThat(Duration.between(now.toInstant(), deadlineSoon.getDuedate().toInstant())).isEqualTo(Duration.ofDays(SubsidyContract.DEADLINE_NEAR_AFTER.getDays()));
    assertThat(Duration.between(now.toInstant(), lapse.getDuedate().toInstant())).isEqualTo(Duration.ofDays(SubsidyContract.CORRECTION_DAYS));

    ClockUtil.setCurrentTime(reminder.getDuedate());
    execute(reminder);
    assertThat(APPLICATIONS.changes).as("the reminder is told before its notice is issued")
        .containsExactly(CORRECTION_REQUESTED, REMINDED);
    runNotice(pi, "Activity_noticeReminder");
    assertThat(task(pi)).as("the reminder does not end the correction").hasDefinitionKey(CORRECT_APPLICATION);

    ClockUtil.setCurrentTime(deadlineSoon.getDuedate());
    execute(jobQuery().activityId("Event_deadlineSoonTimer").singleResult());
    assertThat(pi).hasPassed("Event_deadlineSoonTold");
    assertThat(task(pi)).as("three days before the deadline the correction is still open").hasDefinitionKey(CORRECT_APPLICATION);

    ClockUtil.setCurrentTime(lapse.getDuedate());
    execute(jobQuery().activityId("Event_lapseTimer").singleResult());
    runNotice(pi, "Activity_noticeLapse");
    assertThat(pi).isEnded().hasPassed("Event_lapsed");
    assertThat(NOTICES.issued).containsExactly("subsidy.receipt", "subsidy.correction-request",
        "subsidy.correction-reminder", "subsidy.lapse");
    assertThat(APPLICATIONS.changes).containsExactly(CORRECTION_REQUESTED, REMINDED, DEADLINE_NEAR, LAPSED);
  }

  @Test
  void staff_may_withdraw_before_the_decision() {
    ProcessInstance pi = submit("ward", 700_000);
    complete(task(pi), withVariables("decision", FORWARD));
    assertThat(task(pi)).hasDefinitionKey(DECIDE_GRANT);

    engine.getRuntimeService().createMessageCorrelation(SubsidyVariables.WITHDRAW_MESSAGE)
        .processInstanceBusinessKey("2026-131016-01").correlate();
    runNotice(pi, "Activity_noticeWithdrawal");
    assertThat(pi).isEnded().hasPassed("Event_withdrawn").hasNotPassed("Activity_recordDecision");
    assertThat(NOTICES.issued).containsExactly("subsidy.receipt", "subsidy.withdrawal");
    assertThat(APPLICATIONS.changes).containsExactly(WITHDRAWN);
  }

  @Test
  void staff_may_withdraw_during_a_correction_too() {
    ProcessInstance pi = submit("ward", 700_000);
    complete(task(pi), withVariables("decision", REQUEST_CORRECTION, "comment", "金額の根拠を示してください"));
    runNotice(pi, "Activity_noticeCorrection");
    engine.getRuntimeService().createMessageCorrelation(SubsidyVariables.WITHDRAW_MESSAGE)
        .processInstanceBusinessKey("2026-131016-01").correlate();
    runNotice(pi, "Activity_noticeWithdrawal");
    assertThat(pi).isEnded();
    assertThat(jobQuery().timers().count()).as("no reminder or lapse after a withdrawal").isZero();
  }

  @Test
  void after_the_decision_there_is_nothing_left_to_withdraw() {
    ProcessInstance pi = submit("ward", 700_000);
    complete(task(pi), withVariables("decision", FORWARD));
    complete(task(pi), withVariables("decision", GRANT, "grantedAmount", 700_000L));
    assertThatThrownBy(() -> engine.getRuntimeService().createMessageCorrelation(SubsidyVariables.WITHDRAW_MESSAGE)
        .processInstanceBusinessKey("2026-131016-01").correlate())
        .isInstanceOf(MismatchingMessageCorrelationException.class);
    assertThat(pi).isWaitingAt("Activity_noticeGrant");
  }

  @Test
  void managers_may_return_an_application_to_review() {
    ProcessInstance pi = submit("ward", 1_000_000);
    complete(task(pi), withVariables("decision", FORWARD));
    complete(task(pi), withVariables("decision", RETURN_TO_REVIEW, "comment", "経費の内訳を再確認してください"));
    assertThat(task(pi)).hasDefinitionKey(REVIEW_APPLICATION).hasCandidateGroup("kyogikai-reviewers");
    complete(task(pi), withVariables("decision", FORWARD));
    complete(task(pi), withVariables("decision", GRANT, "grantedAmount", 900_000L));
    runNotice(pi, "Activity_noticeGrant");
    assertThat(pi).isWaitingAt(SUBMIT_PERFORMANCE_REPORT);
    assertThat(APPLICATIONS.changes).containsExactly(DECIDED);
  }

  @Test
  void the_routing_result_lands_in_plain_variables() {
    ProcessInstance pi = submit("city", 100_000);
    assertThat(pi).variables().containsEntry("reviewingSecretariat", "shichokai")
        .containsEntry("decidingSecretariat", "shichokai").containsEntry("reviewersGroup", "shichokai-reviewers")
        .containsEntry("managersGroup", "shichokai-managers");
    assertThat(List.copyOf(APPLICATIONS.routings)).containsExactly("shichokai/shichokai");
  }
}
