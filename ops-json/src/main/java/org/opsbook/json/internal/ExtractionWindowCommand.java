package org.opsbook.json.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;
import org.opsbook.core.OpsParameters;
import org.opsbook.json.DecisionCommand;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.json.Timestamps;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.dataop.ExtractionWindow;

/**
 * The {@code extraction-window} command of the decision API (DATAOP-EXT-04): {@code estimatedRowCount},
 * {@code estimatedExecutionMinutes}, {@code plannedStart} and an optional {@code calendar} in;
 * {@code {"allowed": false, "violations": ["DATAOP-EXT-04"], "earliestAllowedStart": "..."}} out. The earliest
 * allowed start is the planned start itself when that is allowed, and {@code null} when no off-peak gap within 400
 * days is long enough. Thread-safe.
 */
public final class ExtractionWindowCommand implements DecisionCommand {
  private static final Set<String> FIELDS =
      Set.of("estimatedRowCount", "estimatedExecutionMinutes", "plannedStart", "calendar");

  private final OpsParameters params;

  /** Creates the command with the catalog §15 defaults. */
  public ExtractionWindowCommand() {
    this(OpsParameters.defaults());
  }

  /** Creates the command with {@code params}. */
  public ExtractionWindowCommand(OpsParameters params) {
    this.params = checkNotNull(params, "params");
  }

  @Override
  public String name() {
    return "extraction-window";
  }

  @Override
  public JsonNode handle(JsonNode request) {
    JsonFields f = JsonFields.of(request, "", FIELDS);
    int rows = f.count("estimatedRowCount");
    double minutes = f.amount("estimatedExecutionMinutes");
    Instant start = f.requiredTimestamp("plannedStart");
    StandardWorkCalendar calendar = WorkCalendarJson.read(f, "calendar");
    ExtractionWindow.Decision d = new ExtractionWindow(calendar, params).decide(rows, minutes, start);
    ObjectNode out = OpsJson.object();
    out.put("allowed", d.allowed());
    out.set("violations", OpsJson.ruleIds(d.violations()));
    ViolationDetails.put(out, d.violations().stream().map(rule -> org.opsbook.core.Violation.of(rule, "plannedStart",
        (d.large() ? rows + " rows is a large extraction" : minutes + " minutes is a long extraction")
            + ": it may not run in the peak hours of a working day")).toList(), field -> field);
    if (d.earliestAllowedStart().isPresent()) {
      out.put("earliestAllowedStart", Timestamps.format(d.earliestAllowedStart().get(), calendar.zone()));
    } else {
      out.putNull("earliestAllowedStart");
    }
    return out;
  }
}
