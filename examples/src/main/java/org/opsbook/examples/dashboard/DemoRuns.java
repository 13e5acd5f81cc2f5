package org.opsbook.examples.dashboard;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's runs on one database: the first run's IDs are plain ({@code F-20261125-01}), the later runs' carry a
 * suffix ({@code F-20261125-01-r2}, {@code -r3} …). An ID is of the latest run when no ID of the same base has a later
 * run; an ID without siblings (a fault of the room's own) always is. Immutable.
 */
final class DemoRuns {
  private static final Pattern SUFFIX = Pattern.compile("^(.+)-r(\\d{1,6})$");

  private final Map<String, Integer> latest;
  private final int earlierRuns;

  private DemoRuns(Map<String, Integer> latest, int earlierRuns) {
    this.latest = latest;
    this.earlierRuns = earlierRuns;
  }

  /** Sorts {@code ids} (faults' and tickets') into runs. */
  static DemoRuns of(Collection<String> ids) {
    Map<String, Integer> latest = new HashMap<>();
    for (String id : ids) {
      latest.merge(base(id), run(id), Math::max);
    }
    Set<Integer> earlier = new TreeSet<>();
    for (String id : ids) {
      if (run(id) < latest.get(base(id))) {
        earlier.add(run(id));
      }
    }
    return new DemoRuns(Map.copyOf(latest), earlier.size());
  }

  /** Returns true unless a later run of the demo stored the same ID with a higher suffix. */
  boolean latest(String id) {
    return run(id) >= latest.getOrDefault(base(id), 0);
  }

  /** Returns how many earlier runs are stored besides the one shown. */
  int earlierRuns() {
    return earlierRuns;
  }

  private static String base(String id) {
    Matcher m = SUFFIX.matcher(id);
    return m.matches() ? m.group(1) : id;
  }

  private static int run(String id) {
    Matcher m = SUFFIX.matcher(id);
    return m.matches() ? Integer.parseInt(m.group(2)) : 1;
  }
}
