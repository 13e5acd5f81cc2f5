package org.opsbook.notify;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opsbook.core.testing.OpsArchitecture;

class ArchitectureTest {
  @TestFactory
  Stream<DynamicTest> notifyObeysTheDomainRules() {
    return OpsArchitecture.domainTests("org.opsbook.notify",
        "org.opsbook.rules", "org.opsbook.jdbc", "org.opsbook.examples");
  }
}
