package org.opsbook.json.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneOffset;
import java.util.List;
import org.opsbook.core.OpsParameters;
import org.opsbook.json.DecisionCommand;
import org.opsbook.json.internal.Schema.Kind;
import org.opsbook.rules.report.ReportFacts;
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
  /** The request: every field optional. */
  static final Schema<ReportFacts, ReportFacts.Builder> REQUEST =
      Schema.of(ReportFacts::builder, ReportFacts.Builder::build)
      .derive(ReportFacts.class);

  /** The response: every field written. */
  static final Schema<ReportInclusion, ReportInclusion.Builder> RESPONSE =
      Schema.of(ReportInclusion::builder, ReportInclusion.Builder::build)
      .always("weekly", Kind.BOOL, ReportInclusion::weekly, ReportInclusion.Builder::weekly)
      .always("monthly", Kind.BOOL, ReportInclusion::monthly, ReportInclusion.Builder::monthly)
      .always("firingRules", Kind.listOf(Kind.RULE), r -> List.copyOf(r.firingRules()),
          ReportInclusion.Builder::addAllFiringRules);

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
    return RESPONSE.write(rules.evaluate(REQUEST.read(request, "")), ZoneOffset.UTC);
  }
}
