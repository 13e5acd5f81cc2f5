package org.opsbook.rules;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opsbook.core.testing.OpsArchitecture;

class ArchitectureTest {
  @TestFactory
  Stream<DynamicTest> rulesObeysTheDomainRules() {
    return OpsArchitecture.domainTests("org.opsbook.rules",
        "org.opsbook.notify", "org.opsbook.jdbc", "org.opsbook.examples");
  }
}
