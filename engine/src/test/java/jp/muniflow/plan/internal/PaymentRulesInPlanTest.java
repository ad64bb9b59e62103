package jp.muniflow.plan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import jp.muniflow.plan.GrantRules;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.tenants.TenantRegistry;
import org.junit.jupiter.api.Test;

/**
 * The subsidy's payment rules in a plan file: whether advances (概算払) are allowed and the last day applications are
 * accepted; both optional, a wrong date refused by its field.
 */
class PaymentRulesInPlanTest {

  private final PlanReader reader = new PlanReader(TenantRegistry.fromClasspath());

  private static String plan() throws IOException {
    try (InputStream in = PaymentRulesInPlanTest.class.getResourceAsStream("/plans/programs-fy2012.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String withRules(String rules) throws IOException {
    String plan = plan();
    String anchor = "          grant_rules:";
    assertThat(plan).contains(anchor);
    return plan.replace(anchor, rules + anchor);
  }

  @Test
  void without_them_no_advance_and_no_closing_date() throws IOException {
    GrantRules rules = reader.read(plan(), Set.of()).grantRules().orElseThrow();
    assertThat(rules.advancePayment()).isFalse();
    assertThat(rules.closingDate()).isEmpty();
  }

  @Test
  void an_advance_and_a_closing_date_are_read() throws IOException {
    GrantRules rules = reader.read(withRules("          advance_payment: true\n          application_deadline: 2013-01-31\n"),
        Set.of()).grantRules().orElseThrow();
    assertThat(rules.advancePayment()).isTrue();
    assertThat(rules.closingDate()).contains(LocalDate.of(2013, 1, 31));
  }

  @Test
  void a_wrong_date_or_flag_is_refused_by_its_field() throws IOException {
    assertThatThrownBy(() -> reader.read(withRules("          advance_payment: yes please\n          application_deadline: 31.1.2013\n"),
        Set.of())).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
            .extracting(InvalidInputException.FieldProblem::field)
            .anyMatch(f -> f.endsWith(".subsidy.advance_payment"))
            .anyMatch(f -> f.endsWith(".subsidy.application_deadline")));
  }
}
