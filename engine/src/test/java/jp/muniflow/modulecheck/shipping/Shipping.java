package jp.muniflow.modulecheck.shipping;

/** A module that orders does not declare as a dependency. */
public class Shipping {
}
