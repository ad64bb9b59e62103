package jp.muniflow.processes.payment;

import static jp.muniflow.processes.payment.PaymentVariables.PAYMENT_ID;

import java.util.Map;
import jp.muniflow.processes.ModelDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies one {@link PaymentChange} to the payment, named by the step's literal input parameter {@code change}. Runs in
 * the transaction of the user action that led to it, so a refused change undoes the action.
 */
@Component("updatePaymentDelegate")
@ModelDelegate
public class UpdatePaymentDelegate implements JavaDelegate {

  static final String CHANGE = "change";

  private final Payments payments;

  public UpdatePaymentDelegate(Payments payments) {
    this.payments = payments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PaymentChange change = PaymentChange.valueOf((String) execution.getVariableLocal(CHANGE));
    Map<String, Object> result = payments.apply((String) execution.getVariable(PAYMENT_ID), change, execution.getVariables());
    result.forEach(execution::setVariable);
  }
}
