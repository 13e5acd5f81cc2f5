package org.opsbook.rules.internal.catalog;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsbook.core.RuleId;

/**
 * The rule registry: every rule ID of the catalog with its kinds, the manual's section and the manual's words, in
 * catalog order. Loaded once from the resource {@code rules.tsv} of this package. Immutable and thread-safe.
 *
 * <p>Resource format: UTF-8, one rule a line, tab-separated columns {@code id}, {@code kinds} (comma-separated
 * {@link RuleKind} names), {@code source}, {@code title}, then zero or more columns each holding one verbatim
 * passage of the manual. Blank lines and lines starting with {@code #} are ignored. Duplicate IDs are refused.
 */
public final class RuleCatalog {
  static final String RESOURCE = "rules.tsv";

  private static final Splitter TABS = Splitter.on('\t');
  private static final Splitter COMMAS = Splitter.on(',').trimResults().omitEmptyStrings();

  private final ImmutableMap<RuleId, RuleEntry> entries;

  private RuleCatalog(ImmutableMap<RuleId, RuleEntry> entries) {
    this.entries = entries;
  }

  /** The registry shipped with the library. */
  public static RuleCatalog standard() {
    return Holder.STANDARD;
  }

  /** Every rule, in catalog order. */
  public ImmutableList<RuleEntry> all() {
    return entries.values().asList();
  }

  /** The number of rules. */
  public int size() {
    return entries.size();
  }

  /** The rule with this ID, if the catalog has one. */
  public Optional<RuleEntry> find(RuleId id) {
    checkNotNull(id, "id");
    return Optional.ofNullable(entries.get(id));
  }

  /** Whether the catalog has this rule. */
  public boolean contains(RuleId id) {
    return find(id).isPresent();
  }

  /**
   * The rule with this ID.
   *
   * @throws IllegalArgumentException if the catalog has no such rule
   */
  public RuleEntry get(RuleId id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("no rule in the catalog: " + id));
  }

  /**
   * The manual's words for a rule, each passage in 「…」; empty if the rule is unknown or quotes nothing (a proposal of
   * the catalog, a derived transition).
   */
  public String quote(RuleId id) {
    return find(id).map(RuleEntry::quote).orElse("");
  }

  /** Parses registry lines in the resource format; package-private for tests. */
  static RuleCatalog parse(List<String> lines) {
    Map<RuleId, RuleEntry> parsed = new LinkedHashMap<>();
    int number = 0;
    for (String line : lines) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> columns = TABS.splitToList(line);
      if (columns.size() < 4) {
        throw new IllegalArgumentException("registry line " + number + " has fewer than 4 columns: " + line);
      }
      RuleId id = RuleId.of(columns.get(0));
      EnumSet<RuleKind> kinds = EnumSet.noneOf(RuleKind.class);
      for (String kind : COMMAS.split(columns.get(1))) {
        kinds.add(RuleKind.valueOf(kind));
      }
      RuleEntry entry = new RuleEntry(id, kinds, columns.get(2), columns.get(3),
          new ArrayList<>(columns.subList(4, columns.size())));
      if (parsed.putIfAbsent(id, entry) != null) {
        throw new IllegalArgumentException("registry line " + number + " repeats rule " + id);
      }
    }
    return new RuleCatalog(ImmutableMap.copyOf(parsed));
  }

  private static RuleCatalog load() {
    try (InputStream in = RuleCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("rule registry resource missing: " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> lines = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
      return parse(lines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the rule registry " + RESOURCE, e);
    }
  }

  private static final class Holder {
    static final RuleCatalog STANDARD = load();
  }
}
