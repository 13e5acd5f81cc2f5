package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;
import org.opsbook.json.OpsJson;
import org.opsbook.rules.internal.catalog.RuleCatalog;

/**
 * The {@code details} array the decision API writes beside a {@code violations} list: one
 * {@code {"ruleId", "field", "message"}} per violation, in the order of the rule IDs. The message says in English what
 * is wrong and, when the rule's own message quotes nothing and the manual's words are short, adds them from the rule
 * reference. The one place every command turns {@link Violation}s into JSON. Stateless.
 */
public final class ViolationDetails {
  /** The manual's words are added to a message only when they are at most this long. */
  private static final int SHORT_QUOTE = 90;

  private ViolationDetails() {}

  /**
   * Writes {@code violations} as the {@code details} field of {@code out}; nothing when there are none.
   *
   * @param path maps the field a violation names (a fact or data field, {@code actor}, {@code event}, {@code at})
   *     to the JSON path the answer prints
   */
  public static void put(ObjectNode out, Collection<Violation> violations, UnaryOperator<String> path) {
    if (!violations.isEmpty()) {
      out.set("details", write(violations, path));
    }
  }

  /** Returns the details of {@code violations}: sorted by rule ID, each with its field's path and message. */
  public static ArrayNode write(Collection<Violation> violations, UnaryOperator<String> path) {
    ArrayNode a = OpsJson.array();
    violations.stream().sorted(Comparator.comparing(Violation::ruleId)).forEach(v -> a.addObject()
        .put("ruleId", v.ruleId().value())
        .put("field", path.apply(v.field().orElse("event")))
        .put("message", message(v)));
    return a;
  }

  /**
   * Returns the violations of {@code rules} that a step reported and the workflow recorded rather than refused, each
   * about {@code field}, the rule's summary as message.
   */
  public static List<Violation> recorded(Collection<RuleId> rules, String field) {
    return rules.stream().map(r -> Violation.of(r, field, "recorded as broken: " + title(r))).toList();
  }

  /** The violation's message, with the manual's words appended when it quotes none and they are short. */
  static String message(Violation v) {
    String m = v.message();
    if (m.indexOf('「') >= 0 || m.indexOf('(') >= 0 && hasHan(m)) {
      return m;
    }
    String quote = RuleCatalog.standard().quote(v.ruleId());
    return quote.isEmpty() || quote.length() > SHORT_QUOTE ? m : m + " " + quote;
  }

  /** The rule's one-line summary from the rule reference, or its ID when the catalog does not list it. */
  static String title(RuleId rule) {
    return RuleCatalog.standard().find(rule).map(e -> e.title()).orElse(rule.value());
  }

  private static boolean hasHan(String s) {
    return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }
}
