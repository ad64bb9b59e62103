package jp.muniflow.payment.internal;

import java.util.Collection;
import java.util.List;
import jp.muniflow.payment.Payment;
import jp.muniflow.payment.PaymentsOfYear;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The year's payments as the payments table holds them. */
@Component
class PaymentsOfYearFromStore implements PaymentsOfYear {

  private final PaymentStore store;

  PaymentsOfYearFromStore(PaymentStore store) {
    this.store = store;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Payment> of(int fiscalYear, Collection<String> tenants) {
    return store.list(tenants, fiscalYear, null);
  }
}
