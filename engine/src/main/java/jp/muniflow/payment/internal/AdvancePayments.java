package jp.muniflow.payment.internal;

import jp.muniflow.payment.Payment;
import jp.muniflow.payment.PaymentKind;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.FieldChecks;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.subsidy.ApplicationQueries;
import jp.muniflow.subsidy.ApplicationStatus;
import jp.muniflow.subsidy.SubsidyApplication;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.plan.GrantRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff ask for an advance payment (概算払) of a granted application, when the year's grant rules allow it: at most the
 * granted amount, one advance per application, before the performance report. The advance then goes through the same
 * 交付請求 and 支出決定 as any payment; the settlement at confirmation subtracts it.
 */
@Service
class AdvancePayments {

  private final ApplicationQueries applications;
  private final SubsidyYears years;
  private final PaymentStore store;
  private final PaymentAccess access;
  private final PaymentOpening opening;

  AdvancePayments(ApplicationQueries applications, SubsidyYears years, PaymentStore store, PaymentAccess access,
      PaymentOpening opening) {
    this.applications = applications;
    this.years = years;
    this.store = store;
    this.access = access;
    this.opening = opening;
  }

  @Transactional
  public Payment request(MuniFlowUser user, String applicationId, java.math.BigDecimal amount) {
    SubsidyApplication a = applications.get(user, applicationId);
    if (!access.isStaffOf(user, a.tenantId())) {
      throw BusinessRuleException.forbidden("payment.staff-only");
    }
    FieldChecks checks = new FieldChecks();
    Long yen = checks.amount("amount", amount, true);
    checks.throwIfAny();
    if (a.status() != ApplicationStatus.GRANTED) {
      throw BusinessRuleException.conflict("payment.advance.not-granted");
    }
    boolean allowed = years.grantRulesOf(a.fiscalYear()).map(GrantRules::advancePayment).orElse(false);
    if (!allowed) {
      throw BusinessRuleException.unprocessable("payment.advance.not-allowed", String.valueOf(a.fiscalYear()));
    }
    if (store.ofApplication(a.id()).stream().anyMatch(p -> p.kind() == PaymentKind.ADVANCE)) {
      throw BusinessRuleException.conflict("payment.advance.exists");
    }
    if (yen > a.grantedAmount()) {
      checks.add("amount", "payment.advance.above-granted", String.format(java.util.Locale.ROOT, "%,d円", a.grantedAmount()));
      checks.throwIfAny();
    }
    return opening.open(a.id(), a.tenantId(), a.fiscalYear(), a.title(), PaymentKind.ADVANCE, yen, a.decidingSecretariat());
  }
}
