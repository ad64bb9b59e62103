package jp.muniflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The request checks with the real Hibernate Validator: the keys, their arguments and their order. */
class RequestChecksTest {

  private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
  private final RequestChecks checks = new RequestChecks(FACTORY.getValidator());

  @EndNotBeforeStart(start = "from", end = "to")
  record Sample(
      @NotBlank(message = "{input.required}") @PlainText(max = 5) String name,
      @PlainText(max = 20, multiline = true) String note,
      @NotNull(message = "{input.required}") @WholeYen BigDecimal amount,
      @NotNull(message = "{input.required}") LocalDate from,
      @NotNull(message = "{input.required}") LocalDate to) {

    Sample {
      name = RequestChecks.normalized(name);
    }
  }

  @AfterAll
  static void close() {
    FACTORY.close();
  }

  @Test
  void a_good_request_has_no_problem_and_its_text_is_stored_as_nfc() {
    Sample sample = new Sample("  か\u3099 ", "一行目\n二行目", new BigDecimal("1200000"), day(1), day(2));

    assertThat(checks.problemsOf(sample)).isEmpty();
    assertThat(sample.name()).isEqualTo("が");
  }

  @Test
  void every_missing_field_is_named_at_once_in_the_order_of_the_record() {
    assertThat(problems(new Sample(" ", null, null, null, null)))
        .containsExactly("name input.required", "amount input.required", "from input.required", "to input.required");
  }

  @Test
  void each_refusal_has_its_own_key_and_the_length_its_limit() {
    assertThat(problems(new Sample("あいうえおか", "絵文字😀", new BigDecimal("-1"), day(2), day(1))))
        .containsExactly("name input.too-long [5]", "note input.text.emoji", "amount input.amount.positive",
            "to input.period.end-before-start");
    assertThat(problems(new Sample("a\tb", "x\u200By", new BigDecimal("10.5"), day(1), day(1))))
        .containsExactly("name input.text.control", "note input.text.control", "amount input.amount.whole");
    assertThat(problems(new Sample("a\uFE0F", null, WholeYen.MAX.add(BigDecimal.ONE), day(1), day(1))))
        .containsExactly("name input.text.variation-selector", "amount input.amount.too-large");
  }

  @Test
  void the_problems_found_before_come_first_and_everything_is_thrown_as_one_invalid_input() {
    var before = List.of(new InvalidInputException.FieldProblem("documents", "attachment.missing", "事業計画書"));

    assertThatThrownBy(() -> checks.check(new Sample(null, null, BigDecimal.TEN, day(1), day(1)), before))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
            .extracting(InvalidInputException.FieldProblem::field).containsExactly("documents", "name"));
  }

  private List<String> problems(Record request) {
    return checks.problemsOf(request).stream()
        .map(p -> p.field() + " " + p.messageKey() + (p.args().length == 0 ? "" : " " + List.of(p.args())))
        .toList();
  }

  private static LocalDate day(int n) {
    return LocalDate.of(2026, 4, n);
  }
}
