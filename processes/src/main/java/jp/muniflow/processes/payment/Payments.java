package jp.muniflow.processes.payment;

import java.util.Map;

/**
 * The port through which {@code subsidyPayment} keeps its payment's record. The engine implements it; each call runs in
 * the transaction of the step that makes it, so a refused change (a request without a bank account) undoes the step.
 */
public interface Payments {

  /**
   * Applies one step's command.
   *
   * @return variables the process should hold from now on; empty if none
   */
  Map<String, Object> apply(String paymentId, PaymentCommand command);
}
