package jp.muniflow.payment.internal;

import static jp.muniflow.processes.payment.PaymentContract.APPROVE;
import static jp.muniflow.processes.payment.PaymentContract.APPROVE_PAYMENT;
import static jp.muniflow.processes.payment.PaymentContract.REQUEST_PAYMENT;
import static jp.muniflow.processes.payment.PaymentContract.RETURN;
import static jp.muniflow.processes.payment.PaymentVariables.ACCOUNT_CONFIRMED;
import static jp.muniflow.processes.payment.PaymentVariables.COMMENT;
import static jp.muniflow.processes.payment.PaymentVariables.DECISION;
import static jp.muniflow.processes.payment.PaymentVariables.TRANSFER_DATE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.muniflow.platform.FieldChecks;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.processes.payment.PaymentContract;
import jp.muniflow.processes.payment.PaymentVariables;
import jp.muniflow.task.OutcomeRules;
import org.springframework.stereotype.Component;

/**
 * What each task of {@code subsidyPayment} needs to complete: the 交付請求 needs the municipality's registered bank
 * account and staff's confirmation of it; the 支出決定 approves with a transfer date after today (up to
 * {@value #TRANSFER_DAYS_MAX} days ahead) or sends the request back with a reason.
 */
@Component
class PaymentTaskRules extends OutcomeRules {

  static final int COMMENT_MAX = 4000;
  static final int TRANSFER_DAYS_MAX = PaymentContract.TRANSFER_DAYS_MAX;

  private final PaymentStore payments;
  private final BankAccountStore accounts;
  private final Clock clock;

  PaymentTaskRules(PaymentStore payments, BankAccountStore accounts, Clock clock) {
    super(PaymentVariables.PROCESS_KEY, PaymentVariables.ALL, PaymentContract.OUTCOMES);
    this.payments = payments;
    this.accounts = accounts;
    this.clock = clock;
  }

  @Override
  public Map<String, Object> check(TaskFacts task, Map<String, Object> outcome) {
    FieldChecks checks = checksOf(task, outcome);
    Map<String, Object> clean = new LinkedHashMap<>();
    switch (task.taskDefinitionKey()) {
      case REQUEST_PAYMENT -> {
        Object confirmed = outcome.get(ACCOUNT_CONFIRMED);
        if (!(Boolean.TRUE.equals(confirmed) || "true".equals(confirmed))) {
          checks.add(ACCOUNT_CONFIRMED, "payment.account.confirm");
        }
        boolean hasAccount = payments.find(task.businessKey()).flatMap(p -> accounts.find(p.tenantId())).isPresent();
        if (!hasAccount) {
          checks.add("bankAccount", "payment.no-bank-account");
        }
        clean.put(ACCOUNT_CONFIRMED, true);
        clean.put(COMMENT, comment(checks, outcome, false));
      }
      case APPROVE_PAYMENT -> {
        String decision = checks.oneOf(DECISION, outcome.get(DECISION), PaymentContract.DECISIONS.get(APPROVE_PAYMENT));
        clean.put(DECISION, decision);
        if (APPROVE.equals(decision)) {
          LocalDate date = transferDate(checks, outcome.get(TRANSFER_DATE));
          clean.put(TRANSFER_DATE, date == null ? null : date.toString());
        }
        clean.put(COMMENT, comment(checks, outcome, RETURN.equals(decision)));
      }
      default -> throw new IllegalStateException("no rules for " + task.taskDefinitionKey());
    }
    checks.throwIfAny();
    return clean;
  }

  private LocalDate transferDate(FieldChecks checks, Object value) {
    if (value == null || value instanceof String s && s.isBlank()) {
      checks.add(TRANSFER_DATE, "input.required");
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value.toString());
    } catch (DateTimeParseException e) {
      checks.add(TRANSFER_DATE, "input.date.format");
      return null;
    }
    LocalDate today = JapanTime.today(clock);
    if (!date.isAfter(today) || date.isAfter(today.plusDays(TRANSFER_DAYS_MAX))) {
      checks.add(TRANSFER_DATE, "payment.transfer-date.range", TRANSFER_DAYS_MAX);
    }
    return date;
  }

  private static String comment(FieldChecks checks, Map<String, Object> outcome, boolean required) {
    Object v = outcome.get(COMMENT);
    if (v != null && !(v instanceof String)) {
      checks.add(COMMENT, "input.format");
      return "";
    }
    String c = checks.text(COMMENT, (String) v, required, COMMENT_MAX, true);
    return c == null ? "" : c;
  }
}
