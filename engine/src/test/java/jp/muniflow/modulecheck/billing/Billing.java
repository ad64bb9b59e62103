package jp.muniflow.modulecheck.billing;

/** The billing module's API. */
public class Billing {
}
