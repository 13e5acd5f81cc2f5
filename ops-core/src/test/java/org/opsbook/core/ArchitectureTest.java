package org.opsbook.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opsbook.core.testing.OpsArchitecture;

class ArchitectureTest {
  private static final JavaClasses CORE = OpsArchitecture.importMain("org.opsbook.core");

  @TestFactory
  Stream<DynamicTest> coreObeysTheDomainRules() {
    return Stream.concat(OpsArchitecture.domainRules().stream(), Stream.of(
            OpsArchitecture.independent("org.opsbook.core", "org.opsbook.rules"),
            OpsArchitecture.independent("org.opsbook.core", "org.opsbook.notify"),
            OpsArchitecture.independent("org.opsbook.core", "org.opsbook.jdbc"),
            OpsArchitecture.independent("org.opsbook.core", "org.opsbook.examples")))
        .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> check(rule)));
  }

  private static void check(ArchRule rule) {
    rule.check(CORE);
  }
}
