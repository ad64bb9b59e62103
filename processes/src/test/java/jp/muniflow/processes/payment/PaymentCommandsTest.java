package jp.muniflow.processes.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/** What each step of {@code subsidyPayment} sends through the port: the typed values it needs. */
class PaymentCommandsTest {

  private static VariableScope variables(Map<String, Object> values) {
    VariableScope scope = mock(VariableScope.class);
    values.forEach((name, value) -> when(scope.getVariable(name)).thenReturn(value));
    return scope;
  }

  @Test
  void theApprovalCarriesTheTransferDateAndThePaymentTheDayItWasPaid() {
    VariableScope vars = variables(Map.of(PaymentVariables.TRANSFER_DATE, "2027-04-20",
        PaymentVariables.PAID_ON, "2027-04-21"));
    assertThat(UpdatePaymentDelegate.command(PaymentChange.APPROVED, vars))
        .isEqualTo(new PaymentCommand.Approve(LocalDate.of(2027, 4, 20)));
    assertThat(UpdatePaymentDelegate.command(PaymentChange.PAID, vars))
        .isEqualTo(new PaymentCommand.MarkPaid(LocalDate.of(2027, 4, 21)));
  }

  @Test
  void anApprovalWithoutItsDateIsABug() {
    assertThatThrownBy(() -> UpdatePaymentDelegate.command(PaymentChange.APPROVED, variables(Map.of())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(PaymentVariables.TRANSFER_DATE);
  }

  @Test
  void everyChangeHasItsCommand() {
    VariableScope vars = variables(Map.of(PaymentVariables.TRANSFER_DATE, "2027-04-20",
        PaymentVariables.PAID_ON, "2027-04-21"));
    for (PaymentChange change : PaymentChange.values()) {
      assertThat(UpdatePaymentDelegate.command(change, vars).change()).isEqualTo(change);
    }
    assertThat(UpdatePaymentDelegate.command(PaymentChange.REQUESTED, vars)).isEqualTo(new PaymentCommand.Request());
    assertThat(UpdatePaymentDelegate.command(PaymentChange.SETTLED, vars)).isEqualTo(new PaymentCommand.Settle());
  }
}
