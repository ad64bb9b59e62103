package jp.muniflow.modeling.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The gate's rules on their own, without an engine: every forbidden construct refused, every allowed one passed. */
class DeploymentGateTest {

  private static final Set<String> BEANS = Set.of("markerBean", "gateProbeDelegate", "systemEnvironment", "dataSource");
  private static final Set<String> ALLOWED = Set.of("gateProbeDelegate");

  private final DeploymentGate gate = new DeploymentGate(new ExpressionChecker(BEANS::contains, ALLOWED::contains),
      // Camunda 7.24's defaults: FEEL for every kind of DMN expression (DmnLanguagesIT checks the running engine)
      () -> new DmnRules.Defaults("feel", "feel", "feel", "feel"));

  static List<ForbiddenModels.Case> forbidden() {
    return ForbiddenModels.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forbidden")
  void refuses_each_forbidden_construct_naming_its_element(ForbiddenModels.Case c) {
    List<Violation> violations = gate.check(List.of(DeploymentResource.of(c.resourceName(), c.xml())));
    assertThat(violations).as(c.name()).anySatisfy(v -> {
      assertThat(v.rule()).isEqualTo(c.rule());
      assertThat(v.elementId()).isEqualTo(c.elementId());
    });
  }

  @Test
  void refuses_a_doctype_before_parsing() {
    ForbiddenModels.Case c = ForbiddenModels.externalEntity("file:///etc/hostname");
    assertThat(gate.check(List.of(DeploymentResource.of(c.resourceName(), c.xml()))))
        .extracting(Violation::rule).containsExactly(Rule.DOCTYPE);
  }

  @Test
  void lists_every_violation_of_every_resource_at_once() {
    List<DeploymentResource> resources = ForbiddenModels.all().stream()
        .map(c -> DeploymentResource.of(c.resourceName(), c.xml())).toList();
    List<Violation> violations = gate.check(resources);
    assertThat(violations.stream().map(Violation::resourceName).distinct()).hasSize(resources.size());
  }

  @Test
  void passes_the_model_with_every_allowed_construct() throws IOException {
    assertThat(gate.check(List.of(resource("gate-allowed.bpmn"), resource("gate-routing.dmn"),
        resource("gate-application.form")))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"R/PT1M", "R3/PT10M", "R/2026-04-01T09:00:00/P1D", "0 0 9 * * ?", "0 * * * * ?", "R/P1W"})
  void allows_timer_cycles_of_a_minute_or_more(String cycle) {
    assertThat(TimerCycles.check(cycle)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"R/PT59S", "R/PT1S", "*/30 * * * * ?", "0,30 * * * * ?", "0-5 * * * * ?", "* * * * * ?"})
  void refuses_timer_cycles_under_a_minute(String cycle) {
    assertThat(TimerCycles.check(cycle)).contains(Rule.TIMER_TOO_FREQUENT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"${a}", "#{a}", "${a.b.c}", "${a == 'x'}", "${a != null && b lt 3}", "${not empty a}",
      "${a ? 1 : 2}", "${a[0]}", "${a['title']}", "Review ${title}", "literal", "${-a + 1}"})
  void allows_reading_comparing_and_combining_variables(String expression) {
    assertThat(checker().checkValue(expression)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${a.b()}", "${f()}", "${ns:f(1)}", "${markerBean}", "${execution}", "${task.id}",
      "${a.class}", "${a['class']}", "${a[b]}", "${'${x}'}", "${a = 1}", "${a; b}", "${x -> x}", "${gateProbeDelegate}",
      "${a.b(}", "${systemEnvironment['PATH']}"})
  void refuses_code_in_expressions(String expression) {
    assertThat(checker().checkValue(expression)).as(expression).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${gateProbeDelegate}", "#{gateProbeDelegate}", " ${gateProbeDelegate} "})
  void allows_exactly_an_allowed_delegate(String expression) {
    assertThat(checker().checkDelegate(expression)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${markerBean}", "${gateProbeDelegate.toString()}", "gateProbeDelegate",
      "${gateProbeDelegate}${markerBean}", "${a ? gateProbeDelegate : markerBean}"})
  void refuses_every_other_delegate(String expression) {
    assertThat(checker().checkDelegate(expression)).contains(Rule.DELEGATE_NOT_ALLOWED);
  }

  private static ExpressionChecker checker() {
    return new ExpressionChecker(BEANS::contains, ALLOWED::contains);
  }

  private static DeploymentResource resource(String name) throws IOException {
    try (InputStream in = DeploymentGateTest.class.getResourceAsStream("/gate/" + name)) {
      return new DeploymentResource(name, in.readAllBytes());
    }
  }
}
