package jp.muniflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Camunda's internal classes (its {@code impl} packages, which carry no compatibility promise between releases) are
 * used in one place only, the engine adapter, so that an engine upgrade — or a move to Operaton, Camunda 7's fork —
 * has one package to re-check, with an ADR for each change it makes (docs/adr/0004 to 0007).
 */
class EngineInternalsTest {

  private final JavaClasses muniflow = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("jp.muniflow");

  @Test
  void only_the_engine_adapter_uses_camundas_internal_classes() {
    noClasses().that().resideOutsideOfPackage("jp.muniflow.engineadapter..")
        .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine.impl..", "org.camunda.bpm.dmn.engine.impl..")
        .because("the engine adapter is the one place an engine upgrade must re-check (ADR 0004)")
        .check(muniflow);
  }
}
