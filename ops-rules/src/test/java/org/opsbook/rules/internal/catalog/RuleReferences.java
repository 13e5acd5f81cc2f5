package org.opsbook.rules.internal.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where rule IDs are named in the sources: scans every module's {@code src/main/java} and {@code src/test/java}
 * under the project root for IDs of the registry's areas ({@code ESC-REQ-06}, {@code SM-ESC-T03},
 * {@code ESC-REQ-02.3}). A mention in code or in a comment counts: both are how a reader finds a rule by its ID.
 * The registry's own tests and the docs generator are left out, so that they do not count as any rule's test.
 */
final class RuleReferences {
  private static final String SELF = "org/opsbook/rules/internal/catalog/";

  final SortedSet<String> mainFiles;
  final Map<String, SortedSet<String>> main;
  final Map<String, SortedSet<String>> test;

  private RuleReferences(SortedSet<String> mainFiles, Map<String, SortedSet<String>> main,
      Map<String, SortedSet<String>> test) {
    this.mainFiles = mainFiles;
    this.main = main;
    this.test = test;
  }

  /** The project root: the nearest directory up from the working directory that holds {@code ops-rules/pom.xml}. */
  static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("ops-rules/pom.xml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no project root above " + Path.of("").toAbsolutePath());
  }

  /** A pattern that finds full IDs of the registry's areas, and nothing inside a longer ID. */
  static Pattern idPattern(RuleCatalog catalog) {
    Set<String> areas = catalog.all().stream()
        .map(entry -> entry.id().value().replaceFirst("-[A-Z]?[0-9]{2}(\\.[0-9]{1,2})?$", ""))
        .collect(Collectors.toCollection(TreeSet::new));
    String alternation = areas.stream()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
        .map(Pattern::quote)
        .collect(Collectors.joining("|"));
    return Pattern.compile(
        "(?<![A-Za-z0-9-])(?:" + alternation + ")-[A-Z]?[0-9]{2}(?:\\.[0-9]{1,2}(?![0-9]))?(?![A-Za-z0-9])");
  }

  /** Scans the project under {@code root}. */
  static RuleReferences scan(Path root, RuleCatalog catalog) {
    Pattern ids = idPattern(catalog);
    SortedSet<String> mainFiles = new TreeSet<>();
    Map<String, SortedSet<String>> main = new TreeMap<>();
    Map<String, SortedSet<String>> test = new TreeMap<>();
    for (Path file : javaSources(root)) {
      String relative = root.relativize(file).toString().replace('\\', '/');
      boolean isMain = relative.contains("/src/main/java/");
      if (!isMain && relative.contains("/src/test/java/" + SELF)) {
        continue;
      }
      if (isMain) {
        mainFiles.add(relative);
      }
      Matcher matcher = ids.matcher(read(file));
      while (matcher.find()) {
        (isMain ? main : test).computeIfAbsent(matcher.group(), k -> new TreeSet<>()).add(relative);
      }
    }
    return new RuleReferences(mainFiles, main, test);
  }

  private static List<Path> javaSources(Path root) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.filter(Files::isDirectory).sorted().collect(Collectors.toList())) {
        for (String tree : List.of("src/main/java", "src/test/java")) {
          Path sources = module.resolve(tree);
          if (!Files.isDirectory(sources)) {
            continue;
          }
          try (Stream<Path> walk = Files.walk(sources)) {
            walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
