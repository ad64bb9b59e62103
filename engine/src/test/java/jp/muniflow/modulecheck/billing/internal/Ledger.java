package jp.muniflow.modulecheck.billing.internal;

/** Internal to billing: public for Java, hidden from other modules by the module's boundary. */
public class Ledger {
}
