package jp.muniflow.processes.payment;

import static jp.muniflow.processes.payment.PaymentContract.APPROVE;
import static jp.muniflow.processes.payment.PaymentContract.APPROVE_PAYMENT;
import static jp.muniflow.processes.payment.PaymentContract.REQUEST_PAYMENT;
import static jp.muniflow.processes.payment.PaymentContract.RETURN;
import static jp.muniflow.processes.payment.PaymentVariables.ACCOUNT_CONFIRMED;
import static jp.muniflow.processes.payment.PaymentVariables.COMMENT;
import static jp.muniflow.processes.payment.PaymentVariables.DECISION;
import static jp.muniflow.processes.payment.PaymentVariables.TRANSFER_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.processes.subsidy.ProcessTestEngineAccess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path through {@code subsidyPayment}: a payment due goes through 交付請求 (staff), 支出決定 (the paying
 * secretariat's managers), the batch marked paid and the 支払通知書; a request sent back returns to staff; an advance
 * larger than the confirmed amount ends in a 返還請求; nothing due is recorded as settled without a notice.
 */
@Deployment(resources = {"processes/payment/subsidyPayment.bpmn", "processes/payment/requestPayment.form",
    "processes/payment/approvePayment.form"})
class SubsidyPaymentProcessTest {

  private static final RecordingPayments PAYMENTS = new RecordingPayments();
  private static final RecordingNotices NOTICES = new RecordingNotices();
  private static final ProcessEngine[] ENGINE_HOLDER = {ProcessTestEngineAccess.build(Map.of(
      "updatePaymentDelegate", new UpdatePaymentDelegate(PAYMENTS),
      "issueNoticeDelegate", NOTICES))};

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE_HOLDER[0]).build();

  ProcessEngine engine;

  @BeforeEach
  void clear() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
    PAYMENTS.commands.clear();
    NOTICES.issued.clear();
    NOTICES.issuers.clear();
  }

  private ProcessInstance open(String kind, long amountDue) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(PaymentVariables.PAYMENT_ID, "2026-131016-001-P1");
    vars.put(PaymentVariables.APPLICATION_ID, "2026-131016-001");
    vars.put(PaymentVariables.TENANT_ID, "131016");
    vars.put(PaymentVariables.FISCAL_YEAR, 2026);
    vars.put(PaymentVariables.PAYMENT_KIND, kind);
    vars.put(PaymentVariables.AMOUNT_DUE, amountDue);
    vars.put(PaymentVariables.STAFF_GROUP, "staff-131016");
    vars.put(PaymentVariables.PAYING_SECRETARIAT, "kyogikai");
    vars.put(PaymentVariables.MANAGERS_GROUP, "kyogikai-managers");
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(PaymentVariables.PROCESS_KEY,
        "2026-131016-001-P1", vars);
    assertThat(pi).isWaitingAt("Event_paymentOpened");
    execute(job());
    return pi;
  }

  private void correlatePaid(ProcessInstance pi, String date) {
    engine.getRuntimeService().createMessageCorrelation(PaymentVariables.PAID_MESSAGE).processInstanceId(pi.getId())
        .setVariable(PaymentVariables.PAID_ON, date).correlate();
  }

  @Test
  void a_settlement_is_requested_approved_paid_and_noticed() {
    ProcessInstance pi = open("SETTLEMENT", 900_000);
    assertThat(task(pi)).hasDefinitionKey(REQUEST_PAYMENT).hasCandidateGroup("staff-131016");
    complete(task(pi), withVariables(ACCOUNT_CONFIRMED, true, COMMENT, ""));
    assertThat(task(pi)).hasDefinitionKey(APPROVE_PAYMENT).hasCandidateGroup("kyogikai-managers");
    complete(task(pi), withVariables(DECISION, APPROVE, TRANSFER_DATE, "2027-04-20", COMMENT, ""));
    assertThat(pi).isWaitingAt("Event_paid");
    assertThat(NOTICES.issued).isEmpty();

    correlatePaid(pi, "2027-04-20");
    assertThat(pi).isWaitingAt("Activity_noticePayment");
    execute(job("Activity_noticePayment"));
    assertThat(pi).isEnded().hasPassed("Event_paidEnd");
    assertThat(PAYMENTS.commands).containsExactly(new PaymentCommand.Request(),
        new PaymentCommand.Approve(LocalDate.of(2027, 4, 20)), new PaymentCommand.MarkPaid(LocalDate.of(2027, 4, 20)));
    assertThat(NOTICES.issued).containsExactly("payment.notice");
    assertThat(NOTICES.issuers).containsExactly("kyogikai");
  }

  @Test
  void a_request_sent_back_returns_to_staff() {
    ProcessInstance pi = open("ADVANCE", 500_000);
    complete(task(pi), withVariables(ACCOUNT_CONFIRMED, true, COMMENT, ""));
    complete(task(pi), withVariables(DECISION, RETURN, COMMENT, "口座名義を確認してください"));
    assertThat(task(pi)).hasDefinitionKey(REQUEST_PAYMENT).hasCandidateGroup("staff-131016");
    assertThat(PAYMENTS.commands).containsExactly(new PaymentCommand.Request(), new PaymentCommand.ReturnToStaff());
    complete(task(pi), withVariables(ACCOUNT_CONFIRMED, true, COMMENT, "口座を更新しました"));
    assertThat(task(pi)).hasDefinitionKey(APPROVE_PAYMENT);
  }

  @Test
  void an_advance_above_the_confirmed_amount_leads_to_a_refund_request() {
    ProcessInstance pi = open("SETTLEMENT", -200_000);
    assertThat(pi).isWaitingAt("Activity_noticeRefund");
    execute(job("Activity_noticeRefund"));
    assertThat(pi).isEnded().hasPassed("Event_refundRequested");
    assertThat(PAYMENTS.commands).containsExactly(new PaymentCommand.RequestRefund());
    assertThat(NOTICES.issued).containsExactly("payment.refund-request");
  }

  @Test
  void nothing_due_is_settled_without_a_notice() {
    ProcessInstance pi = open("SETTLEMENT", 0);
    assertThat(pi).isEnded().hasPassed("Event_settled");
    assertThat(PAYMENTS.commands).containsExactly(new PaymentCommand.Settle());
    assertThat(NOTICES.issued).isEmpty();
  }

  static final class RecordingPayments implements Payments {
    final List<PaymentCommand> commands = new ArrayList<>();

    @Override
    public Map<String, Object> apply(String paymentId, PaymentCommand command) {
      commands.add(command);
      return Map.of();
    }
  }

  static final class RecordingNotices implements JavaDelegate {
    final List<String> issued = new ArrayList<>();
    final List<String> issuers = new ArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
      issued.add((String) execution.getVariableLocal("templateKey"));
      issuers.add((String) execution.getVariable((String) execution.getVariableLocal("issuerVariable")));
    }
  }
}
