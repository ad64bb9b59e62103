package jp.muniflow.processes.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each row of {@code subsidyRouting}: which secretariat reviews and which decides, by municipality kind. */
class SubsidyRoutingDecisionTest {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static final DmnDecision ROUTING = load();

  private static DmnDecision load() {
    try (InputStream in = SubsidyRoutingDecisionTest.class.getClassLoader()
        .getResourceAsStream("processes/subsidy/subsidyRouting.dmn")) {
      return DMN.parseDecision("subsidyRouting", in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0} → reviewed by {1}, decided by {2}")
  @CsvSource({
      "ward, kyogikai, kyogikai",
      "city, shichokai, shichokai",
      "town, chosonkai, shichokai",
      "village, chosonkai, shichokai"})
  void routes_each_kind_of_municipality(String kind, String reviewing, String deciding) {
    DmnDecisionResultEntries result = DMN.evaluateDecision(ROUTING,
        Variables.createVariables().putValue("municipalityKind", kind)).getSingleResult();
    assertThat((String) result.getEntry("reviewingSecretariat")).isEqualTo(reviewing);
    assertThat((String) result.getEntry("decidingSecretariat")).isEqualTo(deciding);
  }

  @Test
  void an_unknown_kind_matches_no_rule() {
    assertThat(DMN.evaluateDecision(ROUTING, Variables.createVariables().putValue("municipalityKind", "prefecture"))
        .getSingleResult()).isNull();
  }

  @Test
  void the_table_has_exactly_the_three_rows_tested_here() {
    String xml;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("processes/subsidy/subsidyRouting.dmn")) {
      xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(xml.split("<rule ", -1)).hasSize(4);
  }
}
