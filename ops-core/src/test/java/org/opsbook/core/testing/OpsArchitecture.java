package org.opsbook.core.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The architecture rules every domain module (core, rules, notify) checks on its own classes: no JDBC, network or
 * file I/O, no logging framework, no Jackson (JSON lives in ops-json's {@code org.opsbook.json}), no reading of the system time, no package
 * cycles. Shared through the core test jar so the rules are written once.
 */
public final class OpsArchitecture {
  private OpsArchitecture() {}

  /** Imports the production classes of {@code rootPackage}. */
  public static JavaClasses importMain(String rootPackage) {
    return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(rootPackage);
  }

  /** Returns the rules a domain module obeys. */
  public static List<ArchRule> domainRules() {
    List<ArchRule> rules = new ArrayList<>();
    rules.add(noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
        .as("domain code does no JDBC"));
    rules.add(noClasses().should().dependOnClassesThat().resideInAnyPackage("java.net..", "javax.net..")
        .as("domain code does no network I/O"));
    rules.add(noClasses().should().dependOnClassesThat().resideInAnyPackage("java.nio.file..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileReader")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileWriter")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
        .as("domain code does no file I/O"));
    rules.add(noClasses().should().dependOnClassesThat().resideInAnyPackage("org.slf4j..", "java.util.logging..",
        "org.apache.logging..", "ch.qos.logback..").as("domain code does not log"));
    rules.add(noClasses().that().resideOutsideOfPackage("org.opsbook.json..")
        .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
        .as("Jackson is used only in the ops-json module (org.opsbook.json)"));
    rules.add(noClasses().should().callMethod(Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(LocalDateTime.class, "now")
        .orShould().callMethod(LocalDate.class, "now")
        .orShould().callMethod(LocalTime.class, "now")
        .orShould().callMethod(ZonedDateTime.class, "now")
        .orShould().callMethod(OffsetDateTime.class, "now")
        .as("domain code never reads the system time; it takes a Clock or an Instant"));
    rules.add(slices().matching("org.opsbook.(**)").should().beFreeOfCycles()
        .as("no package cycles"));
    return rules;
  }

  /** Returns the rule that code in {@code fromPackage} does not use {@code forbiddenPackage}. */
  public static ArchRule independent(String fromPackage, String forbiddenPackage) {
    return noClasses().that().resideInAPackage(fromPackage + "..")
        .should().dependOnClassesThat().resideInAPackage(forbiddenPackage + "..")
        .as(fromPackage + " does not depend on " + forbiddenPackage);
  }

  /**
   * Returns one test a rule: the domain rules, and that {@code rootPackage} uses none of {@code forbiddenPackages},
   * each checked on the production classes of {@code rootPackage}.
   */
  public static Stream<DynamicTest> domainTests(String rootPackage, String... forbiddenPackages) {
    JavaClasses classes = importMain(rootPackage);
    List<ArchRule> rules = domainRules();
    for (String forbidden : forbiddenPackages) {
      rules.add(independent(rootPackage, forbidden));
    }
    return rules.stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
  }
}
