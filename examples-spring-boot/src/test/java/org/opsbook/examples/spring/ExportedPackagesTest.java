package org.opsbook.examples.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The Spring Boot example is a host: it and its tests use the exported (API and SPI) packages of the library only,
 * never a package named {@code …internal…} (the examples module checks the same of the other examples and of every
 * library module).
 */
class ExportedPackagesTest {
  private static final ArchRule NO_INTERNAL = noClasses().should().dependOnClassesThat()
      .resideInAPackage("org.opsbook..internal..")
      .as("the Spring Boot example touches no internal package of the library");

  @Test
  void theSpringExampleUsesExportedPackagesOnly() {
    JavaClasses example = new ClassFileImporter().importPackages("org.opsbook.examples.spring");

    assertThat(example.contain(OpsbookSpringExample.class)).isTrue();
    assertThat(example.contain(LoggingMessageGateway.class)).isTrue();
    NO_INTERNAL.check(example);
  }

  @Test
  void theRuleCatchesAClassReachingIntoAnInternalPackage() {
    JavaClasses library = new ClassFileImporter().importPackages("org.opsbook.engine");

    assertThat(NO_INTERNAL.evaluate(library).hasViolation()).as("the engine's facade uses its internals").isTrue();
  }
}
