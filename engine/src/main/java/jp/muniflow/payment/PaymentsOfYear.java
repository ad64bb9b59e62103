package jp.muniflow.payment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The payments of a fiscal year in some municipalities, for figures that count them (the annual report). It checks
 * nobody's access: the caller has decided which municipalities the user may count, and shows no payment itself.
 */
public interface PaymentsOfYear {

  /** Every payment of the year in the municipalities, in any status; all municipalities when {@code tenants} is null. */
  List<Payment> of(int fiscalYear, Collection<String> tenants);

  /** When the coordinator closed the year (年度末の締め), or empty while it runs. */
  Optional<Instant> closedAt(int fiscalYear);
}
