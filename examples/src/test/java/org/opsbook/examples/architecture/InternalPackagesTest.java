package org.opsbook.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.opsbook.engine.internal.Defaults;
import org.opsbook.examples.archfixture.ReachesIntoEngineInternals;

/**
 * No example or host touches an {@code internal} package, and a library module touches another module's internal
 * packages only when it depends on that module; the rule can fail (its self-tests below).
 */
class InternalPackagesTest {
  private static final Map<String, Set<String>> DEPENDS_ON = InternalPackages.dependencies(Path.of(".."));

  @Test
  void everyModuleUsesOnlyTheInternalPackagesItMay() {
    JavaClasses all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.opsbook");
    Set<String> modules = new TreeSet<>();
    for (JavaClass c : all) {
      InternalPackages.moduleOf(c).ifPresent(modules::add);
    }

    assertThat(modules).as("the scan sees every module").contains("ops-core", "ops-rules", "ops-notify",
        "ops-adapter-jdbc", "ops-engine", "examples");
    assertThat(DEPENDS_ON.get("ops-engine")).contains("ops-core", "ops-rules", "ops-notify", "ops-adapter-jdbc");
    assertThat(DEPENDS_ON.get("ops-rules")).doesNotContain("ops-engine", "ops-notify");
    InternalPackages.rule(InternalPackages::moduleOf, DEPENDS_ON).check(all);
  }

  @Test
  void theRuleCatchesAnExampleReachingIntoTheEngineInternals() {
    EvaluationResult r = evaluateFixtureAs("examples");

    assertThat(r.hasViolation()).isTrue();
    assertThat(r.getFailureReport().getDetails()).anySatisfy(d -> assertThat(d)
        .contains("examples touches ops-engine's internal package", Defaults.class.getName()));
  }

  @Test
  void theRuleCatchesALibraryModuleReachingIntoAModuleItDoesNotDependOn() {
    assertThat(evaluateFixtureAs("ops-notify").hasViolation()).isTrue();
    assertThat(evaluateFixtureAs("ops-core").hasViolation()).isTrue();
  }

  @Test
  void theRuleLetsAModuleUseItsOwnInternalsAndThoseOfItsDependencies() {
    assertThat(evaluateFixtureAs("ops-engine").hasViolation()).isFalse();
    assertThat(InternalPackages.isInternal("org.opsbook.rules.internal.dataop")).isTrue();
    assertThat(InternalPackages.isInternal("org.opsbook.rules.internalized")).isFalse();
  }

  /** Evaluates the rule on the bad fixture as if it belonged to {@code module}. */
  private static EvaluationResult evaluateFixtureAs(String module) {
    JavaClasses fixture = new ClassFileImporter().importClasses(ReachesIntoEngineInternals.class, Defaults.class);
    return InternalPackages.rule(c -> c.isEquivalentTo(ReachesIntoEngineInternals.class) ? Optional.of(module)
        : InternalPackages.moduleOf(c), DEPENDS_ON).evaluate(fixture);
  }
}
