package jp.muniflow.processes.payment;

import static jp.muniflow.processes.payment.PaymentVariables.PAID_ON;
import static jp.muniflow.processes.payment.PaymentVariables.PAYMENT_ID;
import static jp.muniflow.processes.payment.PaymentVariables.TRANSFER_DATE;

import java.time.LocalDate;
import java.util.Map;
import jp.muniflow.processes.ModelDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Applies one {@link PaymentChange} to the payment, named by the step's literal input parameter {@code change}, as a
 * typed {@link PaymentCommand}. Runs in the transaction of the user action that led to it, so a refused change undoes
 * the action.
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
    Map<String, Object> result = payments.apply((String) execution.getVariable(PAYMENT_ID), command(change, execution));
    result.forEach(execution::setVariable);
  }

  /** The command of a change, with the values of the variables that it needs. */
  static PaymentCommand command(PaymentChange change, VariableScope variables) {
    return switch (change) {
      case REQUESTED -> new PaymentCommand.Request();
      case RETURNED -> new PaymentCommand.ReturnToStaff();
      case APPROVED -> new PaymentCommand.Approve(date(variables, TRANSFER_DATE));
      case PAID -> new PaymentCommand.MarkPaid(date(variables, PAID_ON));
      case REFUND_REQUESTED -> new PaymentCommand.RequestRefund();
      case SETTLED -> new PaymentCommand.Settle();
    };
  }

  /** A date the step cannot do without: the task rules and the batch always set it, so its absence is a bug. */
  private static LocalDate date(VariableScope variables, String name) {
    Object v = variables.getVariable(name);
    if (v == null) {
      throw new IllegalStateException("the step needs the variable " + name);
    }
    return LocalDate.parse(v.toString());
  }
}
