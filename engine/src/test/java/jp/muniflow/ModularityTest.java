package jp.muniflow;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The engine's features are modules (top-level packages): no cycles between them, and no reaching into another
 * module's internals. Also writes the module diagrams for the docs (target/spring-modulith-docs).
 */
class ModularityTest {

  private final ApplicationModules modules = ApplicationModules.of(MuniFlowApplication.class);

  @Test
  void modules_respect_their_boundaries() {
    modules.verify();
  }

  @Test
  void writes_the_module_diagrams() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
