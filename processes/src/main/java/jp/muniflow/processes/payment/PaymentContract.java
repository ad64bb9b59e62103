package jp.muniflow.processes.payment;

import static jp.muniflow.processes.payment.PaymentVariables.ACCOUNT_CONFIRMED;
import static jp.muniflow.processes.payment.PaymentVariables.COMMENT;
import static jp.muniflow.processes.payment.PaymentVariables.DECISION;
import static jp.muniflow.processes.payment.PaymentVariables.TRANSFER_DATE;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contract of {@code subsidyPayment}: its user tasks, the decisions of the 支出決定, the outcome variables of each
 * task and the periods the Java side computes, written once (see {@code SubsidyContract}; the same drift test checks
 * all three processes). The model has no timers. The variable names are {@link PaymentVariables}, the steps that change
 * the payment {@link PaymentChange}.
 */
public final class PaymentContract {

  // the user tasks (task definition keys; each task's form has the same id)
  public static final String REQUEST_PAYMENT = "requestPayment";
  public static final String APPROVE_PAYMENT = "approvePayment";

  // the decisions of the 支出決定 (values of the variable decision)
  public static final String APPROVE = "approve";
  public static final String RETURN = "return";

  /** The latest transfer date a manager may set when approving, in days from today. */
  public static final int TRANSFER_DAYS_MAX = 90;
  /** The days a municipality has to pay back what a refund request (返還請求) asks. */
  public static final int REFUND_DAYS = 30;

  /** For each user task, the outcome variables it stores (what its form asks for). */
  public static final Map<String, Set<String>> OUTCOMES = Map.of(
      REQUEST_PAYMENT, Set.of(ACCOUNT_CONFIRMED, COMMENT),
      APPROVE_PAYMENT, Set.of(DECISION, TRANSFER_DATE, COMMENT));

  /** For each user task that decides, the values its {@code decision} may take, in the order its form offers them. */
  public static final Map<String, List<String>> DECISIONS = Map.of(APPROVE_PAYMENT, List.of(APPROVE, RETURN));

  private PaymentContract() {
  }
}
