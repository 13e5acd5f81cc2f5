package org.opsbook.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opsbook.core.testing.OpsArchitecture;

/** The adapter's own layering: API over internals, exports over ports only, no cycles, no hidden clock. */
class ArchitectureTest {
  private static final JavaClasses JDBC = OpsArchitecture.importMain("org.opsbook.jdbc");

  @Test
  void theAdapterHasNoPackageCycles() {
    slices().matching("org.opsbook.jdbc.(**)").should().beFreeOfCycles().check(JDBC);
  }

  @Test
  void theAuditExportWorksOnThePortsNotOnTheInternals() {
    OpsArchitecture.independent("org.opsbook.jdbc.audit", "org.opsbook.jdbc.internal").check(JDBC);
  }

  @Test
  void theDialectSpiKnowsNoImplementation() {
    OpsArchitecture.independent("org.opsbook.jdbc.spi", "org.opsbook.jdbc.internal").check(JDBC);
  }

  @Test
  void storageTakesTimeFromItsCallersNeverFromTheSystemClock() {
    noClasses().should().callMethod(Instant.class, "now").check(JDBC);
  }
}
