package org.opsbook.examples.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public-surface rule: implementation sits in packages named {@code …internal…}. A library module may use the
 * internal packages of the modules it depends on (directly or through another, like a qualified export in
 * module-info) and its own; the examples, the benchmarks and any other host never touch one. Which module a class
 * belongs to comes from where it was loaded ({@code ops-core/target/classes}, {@code ops-core-….jar}); which module
 * depends on which comes from the modules' POMs (compile-scope dependencies on {@code org.opsbook} artifacts).
 */
public final class InternalPackages {
  /** Modules that are hosts, not libraries: they use exported packages only. */
  static final Set<String> HOSTS = Set.of("examples", "ops-benchmarks");

  private static final Pattern IN_TARGET = Pattern.compile("/((?:ops-[a-z]+(?:-[a-z]+)*)|examples)/target/");
  private static final Pattern IN_JAR = Pattern.compile("/((?:ops-[a-z]+(?:-[a-z]+)*)|examples)-\\d[^/]*\\.jar");
  private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
  private static final Pattern ARTIFACT = Pattern.compile("<artifactId>(ops-[a-z-]+)</artifactId>");
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

  private InternalPackages() {}

  /** Returns the module a class was loaded from: {@code ops-core}, {@code examples} …, or empty when unknown. */
  public static Optional<String> moduleOf(JavaClass c) {
    return c.getSource().map(s -> s.getUri().toString()).flatMap(uri -> {
      Matcher m = IN_TARGET.matcher(uri);
      if (m.find()) {
        return Optional.of(m.group(1));
      }
      Matcher j = IN_JAR.matcher(uri);
      return j.find() ? Optional.of(j.group(1)) : Optional.empty();
    });
  }

  /**
   * Returns each module of the reactor at {@code root} with every library module it depends on, directly or
   * transitively, read from the POMs.
   */
  public static Map<String, Set<String>> dependencies(Path root) {
    Set<String> modules = new LinkedHashSet<>();
    Matcher mm = MODULE.matcher(read(root.resolve("pom.xml")));
    while (mm.find()) {
      modules.add(mm.group(1).trim());
    }
    Map<String, Set<String>> direct = new HashMap<>();
    for (String module : modules) {
      Set<String> deps = new HashSet<>();
      Path pom = root.resolve(module).resolve("pom.xml");
      if (Files.exists(pom)) {
        Matcher d = DEPENDENCY.matcher(read(pom));
        while (d.find()) {
          String block = d.group(1);
          Matcher a = ARTIFACT.matcher(block);
          boolean testOnly = block.contains("<scope>test</scope>") || block.contains("<type>test-jar</type>");
          if (block.contains("<groupId>org.opsbook</groupId>") && a.find() && !testOnly) {
            deps.add(a.group(1));
          }
        }
      }
      direct.put(module, deps);
    }
    Map<String, Set<String>> closure = new HashMap<>();
    for (String module : direct.keySet()) {
      Set<String> reached = new HashSet<>();
      Deque<String> todo = new ArrayDeque<>(direct.get(module));
      while (!todo.isEmpty()) {
        String next = todo.pop();
        if (reached.add(next)) {
          todo.addAll(direct.getOrDefault(next, Set.of()));
        }
      }
      closure.put(module, reached);
    }
    return closure;
  }

  /** Returns true when {@code packageName} is an internal package. */
  static boolean isInternal(String packageName) {
    return packageName.matches("(.*\\.)?internal(\\..*)?");
  }

  /**
   * Returns the rule over {@code org.opsbook} classes.
   *
   * @param moduleOf which module a class belongs to
   * @param dependsOn each library module with the modules it depends on
   */
  public static ArchRule rule(Function<JavaClass, Optional<String>> moduleOf, Map<String, Set<String>> dependsOn) {
    ArchCondition<JavaClass> condition = new ArchCondition<>(
        "touch an internal package only of their own module or of a library module they depend on") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        Optional<String> from = moduleOf.apply(item);
        for (Dependency d : item.getDirectDependenciesFromSelf()) {
          JavaClass target = d.getTargetClass().getBaseComponentType();
          if (!target.getPackageName().startsWith("org.opsbook") || !isInternal(target.getPackageName())) {
            continue;
          }
          Optional<String> to = moduleOf.apply(target);
          boolean library = from.isPresent() && !HOSTS.contains(from.get()) && dependsOn.containsKey(from.get());
          boolean allowed = library && to.isPresent()
              && (to.get().equals(from.get()) || dependsOn.get(from.get()).contains(to.get()));
          if (!allowed) {
            events.add(SimpleConditionEvent.violated(d, from.orElse("an unknown module") + " touches "
                + to.orElse("an unknown module") + "'s internal package: " + d.getDescription()));
          }
        }
      }
    };
    return ArchRuleDefinition.classes().that().resideInAPackage("org.opsbook..")
        .should(condition).as("opsbook classes touch an internal package only of their own module or of a library"
            + " module they depend on; the examples and other hosts never do");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
