package jp.muniflow.modulecheck.orders;

import jp.muniflow.modulecheck.billing.Billing;
import jp.muniflow.modulecheck.billing.internal.Ledger;
import jp.muniflow.modulecheck.shipping.Shipping;

/** Uses billing's API (allowed), billing's internals (refused) and shipping (not declared: refused). */
public class Orders {

  final Billing billing = new Billing();
  final Ledger ledger = new Ledger();
  final Shipping shipping = new Shipping();
}
