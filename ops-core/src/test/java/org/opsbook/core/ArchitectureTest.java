package org.opsbook.core;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opsbook.core.testing.OpsArchitecture;

class ArchitectureTest {
  @TestFactory
  Stream<DynamicTest> coreObeysTheDomainRules() {
    return OpsArchitecture.domainTests("org.opsbook.core",
        "org.opsbook.rules", "org.opsbook.notify", "org.opsbook.jdbc", "org.opsbook.examples");
  }
}
