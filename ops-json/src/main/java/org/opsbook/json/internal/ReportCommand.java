package org.opsbook.json.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.OpsParameters;
import org.opsbook.json.DecisionCommand;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.rules.report.ReportFacts;
import org.opsbook.rules.report.ReportFacts.FaultCategory;
import org.opsbook.rules.report.ReportInclusion;
import org.opsbook.rules.report.ReportRules;

/**
 * {@code report}: weekly and monthly report inclusion (decision-api.md). Request:
 * {@code {"occurrencesInWeek", "complaintsInWeek", "occurrencesInMonth", "complaintsInMonth", "faultCategory",
 * "categoryOccurrencesInMonth"}}, every field optional ({@code 0}, {@code OTHER}); response
 * {@code {"weekly", "monthly", "firingRules"}} under the configured REPORT-POLICY-01 policy, {@code UNION} by
 * default. A negative count, a fraction, an unknown category or an unknown field is invalid input. Thread-safe.
 */
public final class ReportCommand implements DecisionCommand {
  /** The request's fields. */
  static final Set<String> FIELDS = Set.of("occurrencesInWeek", "complaintsInWeek", "occurrencesInMonth",
      "complaintsInMonth", "faultCategory", "categoryOccurrencesInMonth");

  private final ReportRules rules;

  /** Creates the command over {@code rules}. */
  public ReportCommand(ReportRules rules) {
    this.rules = checkNotNull(rules, "rules");
  }

  /** Creates the command with thresholds and policy from {@code parameters}. */
  public ReportCommand(OpsParameters parameters) {
    this(new ReportRules(parameters));
  }

  /** Creates the command with the catalog defaults and the UNION policy. */
  public ReportCommand() {
    this(ReportRules.standard());
  }

  @Override
  public String name() {
    return "report";
  }

  @Override
  public JsonNode handle(JsonNode request) {
    return write(rules.evaluate(read(request, "")));
  }

  /** Reads the request document as {@link ReportFacts}. */
  static ReportFacts read(JsonNode node, String path) {
    JsonFields f = JsonFields.of(node, path, FIELDS);
    ReportFacts.Builder b = ReportFacts.builder()
        .occurrencesInWeek(f.count("occurrencesInWeek"))
        .complaintsInWeek(f.count("complaintsInWeek"))
        .occurrencesInMonth(f.count("occurrencesInMonth"))
        .complaintsInMonth(f.count("complaintsInMonth"))
        .categoryOccurrencesInMonth(f.count("categoryOccurrencesInMonth"));
    f.enumValue("faultCategory", FaultCategory.class).ifPresent(b::faultCategory);
    try {
      return b.build();
    } catch (InvalidInputException e) {
      throw e.under(path);
    }
  }

  /** Writes the response document. */
  static ObjectNode write(ReportInclusion in) {
    ObjectNode o = OpsJson.object();
    o.put("weekly", in.weekly());
    o.put("monthly", in.monthly());
    o.set("firingRules", OpsJson.ruleIds(in.firingRules()));
    return o;
  }
}
