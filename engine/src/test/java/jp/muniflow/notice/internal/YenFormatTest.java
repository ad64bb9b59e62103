package jp.muniflow.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YenFormatTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = ';', value = {
      "0; 0円",
      "999; 999円",
      "1500000; 1,500,000円",
      "206000000; 206,000,000円",
      "-1200; -1,200円"})
  void amounts_print_with_separators(long amount, String expected) {
    assertThat(YenFormat.yen(amount)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = ';', value = {
      "206000000; 2億600万円",
      "100000000; 1億円",
      "150000000; 1億5000万円",
      "1500000; 150万円",
      "10000; 1万円",
      "9999; 9,999円",
      "0; 0円",
      "100023456; 1億2万3,456円",
      "1234500000000; 1兆2345億円"})
  void budgets_print_in_oku_and_man(long amount, String expected) {
    assertThat(YenFormat.okuMan(amount)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = ';', value = {"1500000.5; 1,500,000.5円", "12.345; 12.35円"})
  void fractions_of_a_yen_are_kept(BigDecimal amount, String expected) {
    assertThat(YenFormat.yen(amount)).isEqualTo(expected);
  }
}
