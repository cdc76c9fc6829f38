package org.civic311;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the module boundaries of design.md honest and writes the module documentation. */
class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(Civic311Application.class);

  @Test
  void modules_only_use_each_others_public_api() {
    modules.verify();
  }

  @Test
  void writes_module_documentation() {
    new Documenter(modules).writeDocumentation().writeIndividualModulesAsPlantUml();
  }
}
