package org.opsbook.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.core.testing.OpsArchitecture;
import org.opsbook.fixture.Clean;
import org.opsbook.fixture.ReadsFiles;
import org.opsbook.fixture.ReadsSystemTime;
import org.opsbook.fixture.UsesJacksonOutsideJson;
import org.opsbook.fixture.UsesJdbc;

/** Proves the architecture rules can fail: each deliberately bad fixture breaks exactly its rule. */
class ArchitectureRulesSelfTest {
  private static boolean violates(Class<?> fixture, String ruleDescriptionFragment) {
    JavaClasses classes = new ClassFileImporter().importClasses(fixture);
    List<ArchRule> rules = OpsArchitecture.domainRules();
    for (ArchRule rule : rules) {
      if (rule.getDescription().contains(ruleDescriptionFragment)) {
        return rule.evaluate(classes).hasViolation();
      }
    }
    throw new AssertionError("no rule described as " + ruleDescriptionFragment);
  }

  @Test
  void everyRuleCatchesItsViolation() {
    assertThat(violates(ReadsSystemTime.class, "system time")).isTrue();
    assertThat(violates(UsesJdbc.class, "JDBC")).isTrue();
    assertThat(violates(UsesJacksonOutsideJson.class, "Jackson")).isTrue();
    assertThat(violates(ReadsFiles.class, "file I/O")).isTrue();
  }

  @Test
  void cleanCodePassesEveryRule() {
    JavaClasses classes = new ClassFileImporter().importClasses(Clean.class);
    for (ArchRule rule : OpsArchitecture.domainRules()) {
      assertThat(rule.evaluate(classes).hasViolation()).as(rule.getDescription()).isFalse();
    }
  }
}
