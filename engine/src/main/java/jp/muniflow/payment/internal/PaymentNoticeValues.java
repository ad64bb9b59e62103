package jp.muniflow.payment.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.muniflow.notice.NoticeValues;
import jp.muniflow.payment.BankAccount;
import jp.muniflow.payment.PaymentKind;
import jp.muniflow.subsidy.SubsidyYears;
import org.springframework.stereotype.Component;

/**
 * What a payment notice prints from the payment's record: its number and application, the kind and amount, the day it
 * was paid and the account it went to (the number masked: a notice travels further than the account's data may), or
 * for a refund request the amount and the day it is due; and the year's grant rules. Over the process's values.
 */
@Component
class PaymentNoticeValues implements NoticeValues {

  private static final String PAYMENT_NOTICES = "payment.";

  private final PaymentStore store;
  private final SubsidyYears years;

  PaymentNoticeValues(PaymentStore store, SubsidyYears years) {
    this.store = store;
    this.years = years;
  }

  @Override
  public Map<String, Object> valuesFor(String templateKey, String businessKey, Map<String, Object> model) {
    if (!templateKey.startsWith(PAYMENT_NOTICES) || businessKey == null) {
      return Map.of();
    }
    return store.find(businessKey).map(p -> {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("paymentId", p.id());
      values.put("applicationId", p.applicationId());
      values.put("fiscalYear", p.fiscalYear());
      values.put("amount", p.amount());
      values.put("paymentKindLabel", p.kind().label(false));
      values.put("paymentKindLabelEn", p.kind().label(true));
      values.put("paidOn", p.paidOn() == null ? null : p.paidOn().toString());
      values.put("refundDue", p.refundDue() == null ? null : p.refundDue().toString());
      values.put("bankAccount", p.account() == null ? null : label(p.account(), false, false));
      values.put("bankAccountEn", p.account() == null ? null : label(p.account(), true, false));
      if (p.kind() == PaymentKind.SETTLEMENT) {
        long advances = store.ofApplication(p.applicationId()).stream().filter(o -> o.kind() == PaymentKind.ADVANCE)
            .filter(o -> o.status() == jp.muniflow.payment.PaymentStatus.PAID
                || o.status() == jp.muniflow.payment.PaymentStatus.APPROVED)
            .mapToLong(o -> o.amount()).sum();
        values.put("advancePaid", advances);
        values.put("confirmedAmount", p.status() == jp.muniflow.payment.PaymentStatus.REFUND_REQUESTED
            ? advances - p.amount() : advances + p.amount());
      }
      years.grantRulesOf(p.fiscalYear()).ifPresent(rules -> values.putAll(rules.noticeValues()));
      return values;
    }).orElse(Map.of());
  }

  /** 金融機関 0001 ﾐｽﾞﾎ　支店 001 ﾄｳｷﾖｳ　普通 ****567: the number masked unless {@code whole}; the holder left out. */
  static String label(BankAccount a, boolean english, boolean whole) {
    String number = whole ? a.accountNumber() : a.maskedNumber();
    String bank = a.bankNameKana() == null ? a.bankCode() : a.bankCode() + " " + a.bankNameKana();
    String branch = a.branchNameKana() == null ? a.branchCode() : a.branchCode() + " " + a.branchNameKana();
    return english
        ? "Bank " + bank + ", branch " + branch + ", " + a.accountType().label(true) + " " + number
        : "金融機関 " + bank + "　支店 " + branch + "　" + a.accountType().label(false) + " " + number;
  }
}
