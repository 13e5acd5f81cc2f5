package org.opsbook.json.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import java.util.Set;
import org.opsbook.core.OpsParameters;
import org.opsbook.json.DecisionCommand;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.json.Timestamps;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.cutover.ApplicationContent;
import org.opsbook.rules.cutover.Cutover;
import org.opsbook.rules.internal.cutover.CutoverReadiness;
import org.opsbook.rules.internal.cutover.CutoverRules;
import org.opsbook.rules.cutover.ReportContent;

/**
 * The {@code cutover} command of the decision API: {@code plannedStart}, {@code applicationSubmittedAt},
 * {@code affectsCustomerBusiness}, {@code needsSocialAnnouncement}, {@code reportContents},
 * {@code applicationContents} and an optional {@code calendar} in; {@code applicationDeadline}, {@code leadTimeOk},
 * {@code missingReportContents}, {@code missingApplicationContents}, {@code announcementRequired} and
 * {@code violations} out (CUTOVER-07, -12, -23, -24). Other §2.8 facts ({@code system}, {@code category} …) are
 * accepted and do not change the answer. Without {@code applicationSubmittedAt} the application is not complete, so
 * the lead time is not met. Thread-safe.
 */
public final class CutoverCommand implements DecisionCommand {
  private static final Set<String> FIELDS = ImmutableSet.<String>builder().addAll(CutoverJson.FACT_FIELDS)
      .add("calendar").build();

  private final OpsParameters params;

  /** Creates the command with the catalog §15 defaults. */
  public CutoverCommand() {
    this(OpsParameters.defaults());
  }

  /** Creates the command with {@code params}. */
  public CutoverCommand(OpsParameters params) {
    this.params = checkNotNull(params, "params");
  }

  @Override
  public String name() {
    return "cutover";
  }

  @Override
  public JsonNode handle(JsonNode request) {
    JsonFields f = JsonFields.of(request, "", FIELDS);
    f.requiredTimestamp("plannedStart");
    Cutover facts = CutoverJson.readFacts(f);
    StandardWorkCalendar calendar = WorkCalendarJson.read(f, "calendar");
    CutoverReadiness r = new CutoverRules(calendar, params).check(facts);
    ObjectNode out = OpsJson.object();
    out.put("applicationDeadline", Timestamps.format(r.applicationDeadline(), calendar.zone()));
    out.put("leadTimeOk", r.leadTimeOk());
    ArrayNode report = out.putArray("missingReportContents");
    for (ReportContent c : r.missingReportContents()) {
      report.add(c.name());
    }
    ArrayNode application = out.putArray("missingApplicationContents");
    for (ApplicationContent c : r.missingApplicationContents()) {
      application.add(c.name());
    }
    out.put("announcementRequired", r.announcementRequired());
    out.set("violations", OpsJson.ruleIds(r.violations()));
    ViolationDetails.put(out, violations(r, facts, calendar), field -> field);
    return out;
  }

  /** What each violated rule of {@code r} is about, in words. */
  private static java.util.List<org.opsbook.core.Violation> violations(CutoverReadiness r, Cutover facts,
      StandardWorkCalendar calendar) {
    java.util.List<org.opsbook.core.Violation> out = new java.util.ArrayList<>();
    for (org.opsbook.core.RuleId rule : r.violations()) {
      out.add(switch (rule.value()) {
        case "CUTOVER-12" -> org.opsbook.core.Violation.of(rule, "reportContents",
            "the report for the supervisor's approval lacks " + r.missingReportContents());
        case "CUTOVER-24" -> org.opsbook.core.Violation.of(rule, "applicationContents",
            "the application lacks " + r.missingApplicationContents());
        case "CUTOVER-23" -> org.opsbook.core.Violation.of(rule, "applicationSubmittedAt",
            facts.applicationSubmittedAt().map(at -> "the application is complete at "
                + Timestamps.format(at, calendar.zone()) + ", after its deadline "
                + Timestamps.format(r.applicationDeadline(), calendar.zone()) + " (3 working days ahead)")
                .orElse("no applicationSubmittedAt: the application is not complete"));
        default -> org.opsbook.core.Violation.of(rule, ViolationDetails.title(rule));
      });
    }
    return out;
  }
}
