package org.opsbook.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.engine.OpsEngine;
import org.opsbook.examples.host.Database;
import org.opsbook.jdbc.OpsJdbc;
import org.opsbook.json.OpsJson;

/**
 * {@code /metrics} answers Prometheus text with opsbook's own metrics, read from the engine (duties due, overdue and
 * missed by rule; SMS awaiting review; outbox lag; scheduler claim latency; storage errors), and {@code /health} says
 * whether the database answers and the loops run, both without signing in.
 */
class OperabilityTest {
  @Test
  void theMetricsCountTheDutiesOfTheEngineByRule(@TempDir Path dir) throws Exception {
    try (ServedApi served = new ServedApi(dir, Reminders.Config.dashboardOnly())) {
      OpsEngine engine = served.host().engine();
      engine.faults().open("F-M", FaultFacts.builder().faultId("F-M").nature(FaultNature.SYSTEM)
          .subjectName("BOSS").faultStartTime(ServedApi.START).complaintCount(30).build(), "zhangsan");
      int open = engine.faults().duties("F-M").size();
      served.host().clock().set(engine.nextDueAt().orElseThrow().plus(Duration.ofMinutes(1)));

      HttpResponse<String> r = served.anonymous().get("/metrics");

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
      String text = r.body();
      assertThat(text).contains("opsbook_duties_due " + (double) engine.faults().duties("F-M").size(),
          "opsbook_duties_overdue", "opsbook_sms_awaiting_review 0.0", "opsbook_sms_in_doubt 0.0", "opsbook_outbox_lag_seconds",
          "opsbook_scheduler_claim_latency_seconds", "opsbook_storage_errors_total{loop=\"duties\"} 0.0");
      assertThat(open).isPositive();
      assertThat(gauge(text, "opsbook_duties_overdue ")).isPositive();

      engine.faults().record("F-M", FaultEventType.REPAIRED, "zhangsan");
      String after = served.anonymous().get("/metrics").body();
      assertThat(after).contains("opsbook_duties_missed{rule=\"");
    }
  }

  @Test
  void healthIsUpOnlyWhileTheLoopsRun(@TempDir Path dir) throws Exception {
    try (ServedApi served = new ServedApi(dir, Reminders.Config.dashboardOnly())) {
      HttpResponse<String> stopped = served.anonymous().get("/health");
      assertThat(stopped.statusCode()).isEqualTo(503);
      JsonNode down = OpsJson.parse(stopped.body());
      assertThat(down.at("/database/status").asText()).isEqualTo("UP");
      assertThat(down.at("/loops/running").asBoolean()).isFalse();

      served.host().engine().start();
      HttpResponse<String> running = served.anonymous().get("/health");

      assertThat(running.statusCode()).as(running.body()).isEqualTo(200);
      assertThat(OpsJson.parse(running.body()).get("status").asText()).isEqualTo("UP");
    }
  }

  @Test
  void healthSaysHowTheAuditLogIsSealedAndIsDownOnceItIsReKeyedUnderAKeyThisHostLacks(@TempDir Path dir)
      throws Exception {
    try (ServedApi served = new ServedApi(dir, Reminders.Config.dashboardOnly())) {
      served.host().engine().start();
      HttpResponse<String> up = served.anonymous().get("/health");
      assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
      JsonNode audit = OpsJson.parse(up.body()).get("audit");
      assertThat(audit.get("status").asText()).isEqualTo("UP");
      assertThat(audit.get("key").asText()).as("the data folder's own key").isEqualTo("HOST");
      assertThat(audit.get("seal").asText()).isIn("THIS_KEY", "NONE");

      // the log is re-keyed (by an operator, or a host started on a new key) while this host runs
      Database db = Database.inFolder(dir);
      served.host().engine().faults().open("F-K", FaultFacts.builder().faultId("F-K").nature(FaultNature.SYSTEM)
          .subjectName("计费").faultStartTime(ServedApi.START).complaintCount(3).build(), "zhangsan");
      byte[] next = "the next audit key, thirty-two bytes or more".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      OpsJdbc.create(OpsJdbc.h2DataSource(db.url())).withAuditKey(next)
          .rekeyAudit(db.auditKey(java.util.Map.of()).orElseThrow());
      HttpResponse<String> down = served.anonymous().get("/health");
      assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
      JsonNode refused = OpsJson.parse(down.body());
      assertThat(refused.get("status").asText()).isEqualTo("DOWN");
      assertThat(refused.at("/audit/status").asText()).isEqualTo("DOWN");
      assertThat(refused.at("/audit/seal").asText()).isEqualTo("OTHER_KEY");
      assertThat(refused.at("/database/status").asText()).isEqualTo("UP");
    }
  }

  @Test
  void TIME_02_healthAndTheMetricsSayHowManyDaysTheCalendarsHolidaysReach(@TempDir Path dir) throws Exception {
    StandardWorkCalendar year2026 = StandardWorkCalendar.parse("2026-10-01..2026-10-07 holiday\n");
    try (ServedApi served = new ServedApi(dir, Reminders.Config.dashboardOnly(), year2026)) {
      served.host().engine().start();
      HttpResponse<String> health = served.anonymous().get("/health");
      assertThat(health.statusCode()).as("information, not a failure").isEqualTo(200);
      JsonNode calendar = OpsJson.parse(health.body()).get("calendar");
      assertThat(calendar.get("knownThrough").asText()).isEqualTo("2026-12-31");
      // the server's clock reads 2026-11-26 in Shanghai
      assertThat(calendar.get("daysKnown").asLong()).isEqualTo(35);
      assertThat(gauge(served.anonymous().get("/metrics").body(), "opsbook_calendar_days_known ")).isEqualTo(35.0);
      served.host().clock().set(java.time.Instant.parse("2027-01-02T01:00:00Z"));
      assertThat(gauge(served.anonymous().get("/metrics").body(), "opsbook_calendar_days_known ")).isEqualTo(-2.0);
    }
    try (ServedApi weekdays = new ServedApi(dir.resolve("weekdays"), Reminders.Config.dashboardOnly())) {
      assertThat(OpsJson.parse(weekdays.anonymous().get("/health").body()).has("calendar")).isFalse();
      assertThat(weekdays.anonymous().get("/metrics").body()).doesNotContain("opsbook_calendar_days_known");
    }
  }

  private static double gauge(String text, String prefix) {
    for (String line : text.split("\n")) {
      if (line.startsWith(prefix)) {
        return Double.parseDouble(line.substring(prefix.length()).trim());
      }
    }
    throw new AssertionError("no " + prefix + " in " + text);
  }
}
