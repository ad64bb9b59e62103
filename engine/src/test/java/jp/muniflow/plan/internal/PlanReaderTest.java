package jp.muniflow.plan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import jp.muniflow.plan.PlanDocument;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.tenants.TenantRegistry;
import org.junit.jupiter.api.Test;

/** The plan file's checks, without Spring: the shipped FY2012 plan, and the same file with one thing wrong. */
class PlanReaderTest {

  private static final PlanReader READER = new PlanReader(TenantRegistry.fromClasspath());

  private static String fy2012() {
    try (InputStream in = PlanReaderTest.class.getClassLoader().getResourceAsStream("plans/programs-fy2012.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> problems(String text, Set<Integer> approvedYears) {
    try {
      READER.read(text, approvedYears);
    } catch (InvalidInputException e) {
      return e.problems().stream().map(p -> p.field() + ":" + p.messageKey()).toList();
    }
    throw new AssertionError("the plan was accepted");
  }

  @Test
  void theShippedPlanReadsWithItsSubsidyCapAndRequiredDocuments() {
    PlanDocument plan = READER.read(fy2012(), Set.of());
    assertThat(plan.fiscalYear()).isEqualTo(2012);
    assertThat(plan.subsidyCap()).contains(1_500_000L);
    assertThat(plan.areas()).extracting(PlanDocument.Area::code).startsWith("1", "2", "3");
    assertThat(plan.subsidyDocuments()).isPresent();
  }

  @Test
  void aYearThatHasAnApprovedPlanIsRefused() {
    assertThat(problems(fy2012(), Set.of(2012))).containsExactly("fiscal_year:plan.year-approved");
  }

  @Test
  void anUnknownSecretariatAsContactIsNamedWithItsPath() {
    assertThat(problems(fy2012().replaceFirst("contacts: \\[chosakai]", "contacts: [nosuch]"), Set.of()))
        .containsExactly("areas[0].programs[0].contacts[0]:plan.program.unknown-secretariat");
  }

  @Test
  void anUnknownKindOfProgramIsRefused() {
    assertThat(problems(fy2012().replaceFirst("\n        kind: continuing", "\n        kind: perpetual"), Set.of()))
        .containsExactly("areas[0].programs[0].kind:plan.program.unknown-kind");
  }

  @Test
  void aFileThatIsNoYamlIsABadRequestWithItsLine() {
    assertThatThrownBy(() -> READER.read("fiscal_year: [2012\nareas: {", Set.of()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.isUnprocessable()).isFalse();
          assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.messageKey()).isEqualTo("plan.syntax"));
        });
  }

  @Test
  void aPlanWhoseDataDoNotHoldTogetherIsUnprocessable() {
    assertThatThrownBy(() -> READER.read(fy2012().replace("fiscal_year: 2012", "fiscal_year: 1999"), Set.of()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.isUnprocessable()).isTrue();
          assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field).contains("fiscal_year");
        });
  }

  @Test
  void anEmptyFileIsRefused() {
    assertThat(problems("  ", Set.of())).containsExactly("plan:plan.empty");
  }
}
