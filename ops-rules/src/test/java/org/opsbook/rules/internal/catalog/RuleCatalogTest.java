package org.opsbook.rules.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opsbook.core.RuleId;

class RuleCatalogTest {
  private static final Pattern ID_FORMAT =
      Pattern.compile("[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[A-Z]?[0-9]{2}(?:\\.[0-9]{1,2})?");
  private static final Pattern STRING_LITERAL_ID = Pattern.compile("\"(" + ID_FORMAT.pattern() + ")\"");

  private final RuleCatalog catalog = RuleCatalog.standard();

  @Test
  void everyEntryIdIsWellFormedAndUnique() throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : resourceLines()) {
      if (!line.isBlank() && !line.startsWith("#")) {
        ids.add(line.substring(0, line.indexOf('\t')));
      }
    }
    assertThat(ids).allSatisfy(id -> assertThat(id).matches(ID_FORMAT));
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(catalog.size()).isEqualTo(ids.size());
  }

  @Test
  void everyEntryHasKindsATitleAndWordsWithoutQuoteMarks() {
    assertThat(catalog.all()).allSatisfy(entry -> {
      assertThat(entry.kinds()).isNotEmpty();
      assertThat(entry.title()).isNotBlank();
      assertThat(entry.manualWords()).allSatisfy(words -> assertThat(words).isNotBlank().doesNotContain("「", "」"));
    });
  }

  @Test
  void everyRuleOfTheManualQuotesItAndOnlyReadingsAndTransitionsDoNot() {
    assertThat(catalog.all()).filteredOn(entry -> !entry.quotesManual())
        .allSatisfy(entry -> assertThat(entry.kinds()).containsAnyOf(RuleKind.TRANSITION, RuleKind.BOUNDARY,
            RuleKind.TIME, RuleKind.DEF));
    assertThat(catalog.all()).filteredOn(entry -> entry.kinds().contains(RuleKind.CLASSIFY))
        .allSatisfy(entry -> assertThat(entry.quotesManual()).as(entry.id().value()).isTrue());
  }

  @Test
  void lookupByRuleIdQuotesTheManual() {
    RuleEntry escReq06 = catalog.get(RuleId.of("ESC-REQ-06"));
    assertThat(escReq06.kinds()).containsExactlyInAnyOrder(RuleKind.OBLIGATION, RuleKind.GUARD);
    assertThat(escReq06.source()).isEqualTo("§2.2.3.3 3、 1)");
    assertThat(catalog.quote(RuleId.of("FAULT-GEN-01"))).isEqualTo("「应以将故障影响面降低到最小为原则」");
    assertThat(catalog.get(RuleId.of("FAULT-GEN-01")).kinds()).containsExactly(RuleKind.ADVISORY);
    assertThat(catalog.get(RuleId.of("ESC-REQ-02.3")).kinds()).containsExactly(RuleKind.CHECKLIST_STEP);
    assertThat(catalog.get(RuleId.of("SM-ESC-T01")).kinds()).containsExactly(RuleKind.TRANSITION);
    assertThat(catalog.find(RuleId.of("ESC-REQ-99"))).isEmpty();
    assertThat(catalog.quote(RuleId.of("ESC-REQ-99"))).isEmpty();
    assertThatThrownBy(() -> catalog.get(RuleId.of("ESC-REQ-99"))).hasMessageContaining("ESC-REQ-99");
  }

  @Test
  void theRegistryHoldsTheCatalogCounts() {
    Map<String, Integer> perArea = new TreeMap<>();
    for (RuleEntry entry : catalog.all()) {
      perArea.merge(RulesDoc.area(entry), 1, Integer::sum);
    }
    // Counts of the catalog's §18.1 table, plus the project's dotted parts of TICKET-01 and TICKET-11.
    assertThat(perArea).containsEntry("TICKET", 21 + 6).containsEntry("FAULT-CLASS-L1", 16)
        .containsEntry("FAULT-CLASS-L2", 13).containsEntry("ESC-CENTER", 18).containsEntry("CUTOVER", 24)
        .containsEntry("DATAOP-MOD", 18).containsEntry("BND", 9).containsEntry("TIME", 10)
        .containsEntry("SM-TICKET", 17).containsEntry("SM-ESC", 11).containsEntry("SM-SMS", 5 + 1).containsEntry("ESC-HANDLE", 8 + 4);
    assertThat(catalog.all().stream().filter(e -> e.kinds().contains(RuleKind.TRANSITION)).count())
        .isEqualTo(82 + 3 + 2); // the project's: SM-DATAOP-MOD-T14, SM-DATAOP-EXT-T11, …; SM-CUTOVER-T15/T16
  }

  @Test
  void parseRefusesDuplicatesAndUnknownKinds() {
    assertThatThrownBy(() -> RuleCatalog.parse(List.of("BUG-01\tDEF\t§2.3\tt", "BUG-01\tDEF\t§2.3\tt")))
        .hasMessageContaining("repeats rule BUG-01");
    assertThatThrownBy(() -> RuleCatalog.parse(List.of("BUG-01\tNOPE\t§2.3\tt")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RuleCatalog.parse(List.of("bug one\tDEF\t§2.3\tt"))).hasMessageContaining("ruleId");
    assertThat(RuleCatalog.parse(List.of("# c", "", "BUG-01\tDEF,GUARD\t§2.3\tt\ta\tb")).get(RuleId.of("BUG-01"))
        .quote()).isEqualTo("「a」 / 「b」");
  }

  @Test
  void everyRuleIdNamedInMainCodeIsInTheRegistry() {
    RuleReferences refs = RuleReferences.scan(RuleReferences.projectRoot(), catalog);
    assertThat(refs.mainFiles).as("main sources scanned").isNotEmpty();
    Map<String, SortedSet<String>> unknown = new TreeMap<>(refs.main);
    unknown.keySet().removeIf(id -> catalog.contains(RuleId.of(id)));
    assertThat(unknown).as("rule IDs named in main code but missing from the registry (where)").isEmpty();
  }

  @Test
  void everyRuleIdLiteralOfTheLibraryModulesIsInTheRegistry() throws IOException {
    // A string literal in the form of a rule ID, in a library module, must be a rule of the registry, whatever its
    // area: this catches an ID of an area the registry does not have. Examples and benchmarks build their own.
    Set<String> unknown = new HashSet<>();
    java.nio.file.Path root = RuleReferences.projectRoot();
    for (String file : RuleReferences.scan(root, catalog).mainFiles) {
      if (file.startsWith("examples/") || file.startsWith("ops-benchmarks/")) {
        continue;
      }
      for (String line : java.nio.file.Files.readAllLines(root.resolve(file), StandardCharsets.UTF_8)) {
        String code = line.strip();
        if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
          continue;
        }
        Matcher matcher = STRING_LITERAL_ID.matcher(line);
        while (matcher.find()) {
          if (!catalog.contains(RuleId.of(matcher.group(1)))) {
            unknown.add(matcher.group(1) + " in " + file);
          }
        }
      }
    }
    assertThat(unknown).isEmpty();
  }

  private static List<String> resourceLines() throws IOException {
    List<String> lines = new ArrayList<>();
    try (InputStream in = RuleCatalog.class.getResourceAsStream(RuleCatalog.RESOURCE);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    }
    return lines;
  }
}
