package org.opsbook.rules.internal.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Generates {@code docs/rules.md} from the rule registry and from where the sources name each rule. Run by
 * {@link RulesDocTest} with {@code -Dopsbook.docs.write=true}, or as a main class from the test classpath with
 * the project root as its argument.
 */
final class RulesDoc {
  static final String PATH = "docs/rules.md";
  static final String REGENERATE = "mvn -B -o -pl ops-rules -am test -Dtest=RulesDocTest "
      + "-Dsurefire.failIfNoSpecifiedTests=false -Dopsbook.docs.write=true";

  private static final Map<String, String> AREAS = new LinkedHashMap<>();

  static {
    AREAS.put("ORG", "Organisation and posts (informative), §1");
    AREAS.put("TICKET", "Complaint tickets, §2.1.3.1–§2.1.3.2");
    AREAS.put("SM-TICKET", "State machine SM-TICKET");
    AREAS.put("FAULT-GEN", "General faults, §2.1.3.3");
    AREAS.put("FAULT-CLASS-DEF", "Escalated faults: definitions, §2.2.3.1");
    AREAS.put("FAULT-CLASS-L1", "Escalated faults: 一级故障 criteria, §2.2.3.1");
    AREAS.put("FAULT-CLASS-L2", "Escalated faults: 二级故障 criteria, §2.2.3.1");
    AREAS.put("ESC-HANDLE", "Escalated faults: roles, intake, priority, §2.2.3.1–§2.2.3.2");
    AREAS.put("ESC-REQ", "Escalated faults: working requirements, §2.2.3.3");
    AREAS.put("SM-ESC", "State machine SM-ESC (the fault lifecycle)");
    AREAS.put("ESC-ROOM", "Reporting to the room manager (上报室经理), §2.2.3.2");
    AREAS.put("ESC-PROG", "Progress reports to the room manager, §2.2.3.2");
    AREAS.put("ESC-DEPT", "Reporting to the department manager (部门经理), §2.2.3.2");
    AREAS.put("ESC-CENTER", "Reporting to the centre manager (上报中心经理), §2.2.3.2");
    AREAS.put("NOTIFY-TRIG", "SMS and notices: triggers");
    AREAS.put("NOTIFY-RCPT", "SMS and notices: recipients");
    AREAS.put("NOTIFY-TPL", "SMS and notices: templates");
    AREAS.put("NOTIFY-REVIEW", "SMS and notices: review before sending");
    AREAS.put("SM-SMS", "State machine SM-SMS");
    AREAS.put("REPORT-COUNT", "Reports: counting");
    AREAS.put("REPORT-WEEKLY", "Reports: weekly inclusion");
    AREAS.put("REPORT-MONTHLY", "Reports: monthly inclusion");
    AREAS.put("REPORT-POLICY", "Reports: policy");
    AREAS.put("REPORT-FMT", "Reports: summary formats");
    AREAS.put("BUG", "BUG tickets, §2.3");
    AREAS.put("SM-BUG", "State machine SM-BUG");
    AREAS.put("DATAOP-DEF", "Data operations: definitions, §2.4");
    AREAS.put("DATAOP-ROLE", "Data operations: roles, §2.4");
    AREAS.put("DATAOP-MOD", "Data operations: modification, §2.4");
    AREAS.put("DATAOP-SENS", "Data operations: level-1 sensitive data, §2.4");
    AREAS.put("DATAOP-EXT", "Data operations: extraction, §2.4");
    AREAS.put("SM-DATAOP-MOD", "State machine SM-DATAOP-MOD");
    AREAS.put("SM-DATAOP-EXT", "State machine SM-DATAOP-EXT");
    AREAS.put("CUTOVER", "Engineering cutover, §2.5");
    AREAS.put("SM-CUTOVER", "State machine SM-CUTOVER");
    AREAS.put("BND", "Reading bounds (proposed by the catalog)");
    AREAS.put("TIME", "Reading time (proposed by the catalog)");
  }

  private RulesDoc() {}

  /** Writes {@code docs/rules.md} under the project root given as the first argument (default: found upwards). */
  public static void main(String[] args) throws IOException {
    Path root = args.length > 0 ? Path.of(args[0]) : RuleReferences.projectRoot();
    write(root);
  }

  static void write(Path root) throws IOException {
    Files.writeString(root.resolve(PATH), render(root, RuleCatalog.standard()), StandardCharsets.UTF_8);
  }

  static String area(RuleEntry entry) {
    return entry.id().value().replaceFirst("-[A-Z]?[0-9]{2}(\\.[0-9]{1,2})?$", "");
  }

  static String anchor(String id) {
    return id.toLowerCase(java.util.Locale.ROOT);
  }

  static String render(Path root, RuleCatalog catalog) {
    RuleReferences refs = RuleReferences.scan(root, catalog);
    Map<String, List<RuleEntry>> byArea = new LinkedHashMap<>();
    for (String area : AREAS.keySet()) {
      byArea.put(area, new java.util.ArrayList<>());
    }
    for (RuleEntry entry : catalog.all()) {
      byArea.computeIfAbsent(area(entry), k -> new java.util.ArrayList<>()).add(entry);
    }
    byArea.values().removeIf(List::isEmpty);
    SortedSet<String> linked = new TreeSet<>();
    refs.main.values().forEach(linked::addAll);
    refs.test.values().forEach(linked::addAll);
    Map<String, Integer> labels = new LinkedHashMap<>();
    for (String path : linked) {
      labels.put(path, labels.size() + 1);
    }
    SortedSet<String> notInMain = new TreeSet<>();
    SortedSet<String> notInTests = new TreeSet<>();
    for (RuleEntry entry : catalog.all()) {
      if (!refs.main.containsKey(entry.id().value())) {
        notInMain.add(entry.id().value());
      }
      if (!refs.test.containsKey(entry.id().value())) {
        notInTests.add(entry.id().value());
      }
    }
    long quoting = catalog.all().stream().filter(RuleEntry::quotesManual).count();

    StringBuilder md = new StringBuilder();
    md.append("# Rules\n\n");
    md.append("<!-- Generated from the rule registry (ops-rules, `org/opsbook/rules/internal/catalog/rules.tsv`) and\n")
        .append("     a scan of the sources. Do not edit by hand; regenerate with:\n")
        .append("     ").append(REGENERATE).append(" -->\n\n");
    md.append("Every rule opsbook knows, by its stable ID: what kind of rule it is, the manual's own words (the\n")
        .append("manual, 《信息技术中心运营管理室工作手册》, is the authority), the main-code files that name it and the test\n")
        .append("files that name it. Every rule ID the library, the `./opsbook` command line or the decision API prints is\n")
        .append("listed here; link to a rule as `rules.md#` followed by its ID in lower case (`rules.md#esc-req-06`).\n\n");
    md.append("Kinds: `CLASSIFY` adds to a classification; `OBLIGATION` creates a duty (actor, target, due time);\n")
        .append("`GUARD` is a precondition a workflow step is refused without; `RECORD` is data that must be captured;\n")
        .append("`DEF` a definition; `TEMPLATE` a message format, verbatim; `ADVISORY` a principle no machine can check\n")
        .append("(surfaced as an `advice` entry); `CHECKLIST` / `CHECKLIST_STEP` an ordered checklist and its steps;\n")
        .append("`CROSS_REFERENCE` a pointer to other rules; `TRANSITION` a declared state-machine transition, rebuilt\n")
        .append("from the manual's prose; `BOUNDARY` and `TIME` readings of numbers and time that the manual leaves open.\n")
        .append("A rule without the manual's words is a reading proposed for the project, not the manual's text.\n\n");
    md.append("| Figure | Count |\n|---|---|\n");
    md.append("| Rules in the registry | ").append(catalog.size()).append(" |\n");
    md.append("| Rules quoting the manual | ").append(quoting).append(" |\n");
    md.append("| Rules named in main code | ").append(catalog.size() - notInMain.size()).append(" |\n");
    md.append("| Rules named in tests | ").append(catalog.size() - notInTests.size()).append(" |\n\n");
    md.append("Not yet named in main code (").append(notInMain.size()).append("): ")
        .append(idList(notInMain)).append("\n\n");
    md.append("Not yet named in a test (").append(notInTests.size()).append("): ")
        .append(idList(notInTests)).append("\n\n");
    md.append("## Areas\n\n");
    for (String area : byArea.keySet()) {
      md.append("- [").append(area).append("](#area-").append(anchor(area)).append("): ")
          .append(AREAS.getOrDefault(area, area)).append(" (").append(byArea.get(area).size()).append(")\n");
    }
    for (Map.Entry<String, List<RuleEntry>> group : byArea.entrySet()) {
      md.append("\n<a id=\"area-").append(anchor(group.getKey())).append("\"></a>\n");
      md.append("## ").append(group.getKey()).append(": ").append(AREAS.getOrDefault(group.getKey(), group.getKey()))
          .append("\n\n");
      md.append("| ID | Kind | Rule | The manual's words | Enforced in | Tested in |\n");
      md.append("|---|---|---|---|---|---|\n");
      for (RuleEntry entry : group.getValue()) {
        String id = entry.id().value();
        md.append("| <a id=\"").append(anchor(id)).append("\"></a>`").append(id).append("` | ")
            .append(entry.kinds().stream().map(RuleKind::name).collect(Collectors.joining(", "))).append(" | ")
            .append(cell(entry.title()))
            .append(entry.source().isEmpty() ? "" : " (" + cell(entry.source()) + ")").append(" | ")
            .append(entry.quotesManual() ? cell(entry.quote()) : "—").append(" | ")
            .append(files(refs.main.get(id), labels, "*not named in main code*")).append(" | ")
            .append(files(refs.test.get(id), labels, "*no test names it*")).append(" |\n");
      }
    }
    md.append("\n");
    labels.forEach((path, label) -> md.append("[").append(label).append("]: ../").append(path).append("\n"));
    return md.toString();
  }

  private static String idList(SortedSet<String> ids) {
    if (ids.isEmpty()) {
      return "none.";
    }
    return ids.stream().map(id -> "[" + id + "](#" + anchor(id) + ")").collect(Collectors.joining(", ")) + ".";
  }

  private static String files(SortedSet<String> paths, Map<String, Integer> labels, String none) {
    if (paths == null || paths.isEmpty()) {
      return none;
    }
    return paths.stream()
        .map(path -> "[" + shortName(path) + "][" + labels.get(path) + "]")
        .collect(Collectors.joining(", "));
  }

  /** The file's name without {@code .java}, after its package's last segment: {@code dataop/DataOpWorkflow}. */
  private static String shortName(String path) {
    String[] parts = path.replace(".java", "").split("/");
    return parts.length < 2 ? parts[0] : parts[parts.length - 2] + "/" + parts[parts.length - 1];
  }

  /** Escapes what would break a Markdown table cell or start emphasis. */
  static String cell(String text) {
    StringBuilder out = new StringBuilder();
    String[] parts = text.split("`", -1);
    for (int i = 0; i < parts.length; i++) {
      boolean code = i % 2 == 1 && i < parts.length - 1;
      if (i > 0) {
        out.append('`');
      }
      // Inside a code span only the table's pipe needs escaping; outside, emphasis and HTML characters too.
      out.append(code ? parts[i].replace("|", "\\|")
          : parts[i].replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("<", "&lt;")
              .replace("_", "\\_"));
    }
    return out.toString();
  }
}
