package jp.muniflow.payment.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jp.muniflow.payment.Payment;
import jp.muniflow.payment.PaymentsOfYear;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The year's payments as the payments table holds them. */
@Component
class PaymentsOfYearFromStore implements PaymentsOfYear {

  private final PaymentStore store;
  private final YearEnd yearEnd;

  PaymentsOfYearFromStore(PaymentStore store, YearEnd yearEnd) {
    this.store = store;
    this.yearEnd = yearEnd;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Payment> of(int fiscalYear, Collection<String> tenants) {
    return store.list(tenants, fiscalYear, null);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Instant> closedAt(int fiscalYear) {
    return yearEnd.closed(fiscalYear).map(YearEnd.Closed::closedAt);
  }
}
