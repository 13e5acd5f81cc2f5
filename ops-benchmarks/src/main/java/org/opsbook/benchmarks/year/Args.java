package org.opsbook.benchmarks.year;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --name value} arguments of the year's command lines. */
final class Args {
  private Args() {}

  static Map<String, String> parse(String[] args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      String name = args[i].substring(2);
      int eq = name.indexOf('=');
      if (eq >= 0) {
        out.put(name.substring(0, eq), name.substring(eq + 1));
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        out.put(name, args[++i]);
      } else {
        out.put(name, "true");
      }
    }
    return out;
  }
}
