package org.opsbook.notify;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opsbook.core.testing.OpsArchitecture;

class ArchitectureTest {
  private static final JavaClasses CLASSES = OpsArchitecture.importMain("org.opsbook.notify");

  @TestFactory
  Stream<DynamicTest> notifyObeysTheDomainRules() {
    return Stream.concat(OpsArchitecture.domainRules().stream(), Stream.of(
            OpsArchitecture.independent("org.opsbook.notify", "org.opsbook.rules"),
            OpsArchitecture.independent("org.opsbook.notify", "org.opsbook.jdbc"),
            OpsArchitecture.independent("org.opsbook.notify", "org.opsbook.examples")))
        .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(CLASSES)));
  }
}
