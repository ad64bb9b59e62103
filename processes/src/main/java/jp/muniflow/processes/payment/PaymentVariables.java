package jp.muniflow.processes.payment;

import java.util.Set;
import jp.muniflow.processes.ModelVariants;

/** The names of the process variables of {@code subsidyPayment}, in one place. */
public final class PaymentVariables {

  public static final String PROCESS_KEY = "subsidyPayment";
  /** Correlated when the paying secretariat marks the transfer batch of the payment's date paid. */
  public static final String PAID_MESSAGE = "paymentMade";

  public static final String PAYMENT_ID = "paymentId";
  public static final String APPLICATION_ID = "applicationId";
  public static final String TENANT_ID = ModelVariants.TENANT_VARIABLE;
  public static final String FISCAL_YEAR = "fiscalYear";
  /** The application's title, for the task list and the notices. */
  public static final String TITLE = "title";
  /** {@code ADVANCE} (概算払) or {@code SETTLEMENT} (精算払, opened at the confirmation of the amount). */
  public static final String PAYMENT_KIND = "paymentKind";
  /**
   * What is due: for an advance its amount; at settlement the confirmed amount less the advances, negative when the
   * advances were more than the confirmed amount (a refund is requested), zero when nothing is left to pay.
   */
  public static final String AMOUNT_DUE = "amountDue";
  public static final String STAFF_GROUP = "staffGroup";
  /** The secretariat that decided the grant pays it and issues the payment's notices. */
  public static final String PAYING_SECRETARIAT = "payingSecretariat";
  public static final String MANAGERS_GROUP = "managersGroup";

  /** Staff confirm, with the 交付請求, that the registered bank account is the one to pay into. */
  public static final String ACCOUNT_CONFIRMED = "accountConfirmed";
  public static final String DECISION = "decision";
  /** A task's internal comment: kept in the history, never printed on a notice. */
  public static final String COMMENT = "comment";
  /** The day the money is to reach the account (振込指定日), set by the manager who approves the payment. */
  public static final String TRANSFER_DATE = "transferDate";
  /** The day the batch with the payment was marked paid. */
  public static final String PAID_ON = "paidOn";

  /** Every variable the process keeps; writes through Camunda's REST API are refused, as for the other processes. */
  public static final Set<String> ALL = Set.of(PAYMENT_ID, APPLICATION_ID, TENANT_ID, FISCAL_YEAR, TITLE, PAYMENT_KIND,
      AMOUNT_DUE, STAFF_GROUP, PAYING_SECRETARIAT, MANAGERS_GROUP, ACCOUNT_CONFIRMED, DECISION, COMMENT, TRANSFER_DATE, PAID_ON);

  private PaymentVariables() {
  }
}
