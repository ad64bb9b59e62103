package jp.muniflow.task.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StartableProcessesTest {

  @Test
  void the_business_key_takes_the_start_forms_values_by_name() {
    assertThat(StartableProcesses.businessKey("GHG-${fiscalYear}", Map.of("fiscalYear", 2092L))).isEqualTo("GHG-2092");
    assertThat(StartableProcesses.businessKey("${a}/${b}", Map.of("a", "x", "b", 1))).isEqualTo("x/1");
  }

  @Test
  void a_model_without_the_property_starts_without_a_business_key() {
    assertThat(StartableProcesses.businessKey(null, Map.of("fiscalYear", 2092L))).isNull();
    assertThat(StartableProcesses.businessKey(" ", Map.of())).isNull();
  }

  @Test
  void a_name_the_form_does_not_give_is_left_empty_and_a_dollar_in_a_value_stays_text() {
    assertThat(StartableProcesses.businessKey("GHG-${year}", Map.of())).isEqualTo("GHG-");
    assertThat(StartableProcesses.businessKey("K-${v}", Map.of("v", "$1\\"))).isEqualTo("K-$1\\");
  }
}
