package org.opsbook.rules;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opsbook.core.testing.OpsArchitecture;

class ArchitectureTest {
  private static final JavaClasses CLASSES = OpsArchitecture.importMain("org.opsbook.rules");

  @TestFactory
  Stream<DynamicTest> rulesObeysTheDomainRules() {
    return Stream.concat(OpsArchitecture.domainRules().stream(), Stream.of(
            OpsArchitecture.independent("org.opsbook.rules", "org.opsbook.notify"),
            OpsArchitecture.independent("org.opsbook.rules", "org.opsbook.jdbc"),
            OpsArchitecture.independent("org.opsbook.rules", "org.opsbook.examples")))
        .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(CLASSES)));
  }
}
