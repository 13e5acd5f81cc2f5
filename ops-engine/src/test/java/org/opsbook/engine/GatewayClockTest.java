package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsbook.engine.EngineFixture.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.MessageGateway.SendReceipt;
import org.opsbook.core.time.MutableClock;
import org.opsbook.jdbc.OpsJdbc;
import org.opsbook.notify.SmsKey;

/**
 * The time a sending is recorded at, which discharges NOTIFY-TRIG-05 and which an audit compares with its deadline, is
 * one the engine saw: between the round that handed the SMS to the gateway and the end of that round's lease, whatever
 * the SMS platform's clock says. The platform's own time is kept beside it in the audit record.
 */
class GatewayClockTest {
  private static final Duration LEASE = Duration.ofMinutes(2);

  @ParameterizedTest(name = "the gateway''s clock {0} minutes off")
  @ValueSource(longs = {-180, -1, 1_440, -29_000_000})
  @DisplayName("NOTIFY-TRIG-05 a gateway clock far off does not date the sending")
  void aGatewayClockFarOffDoesNotDateTheSending(long minutesOff) {
    MutableClock clock = MutableClock.at(T0);
    Duration off = Duration.ofMinutes(minutesOff);
    MessageGateway skewed = m -> new SendReceipt("gw-" + m.idempotencyKey(), clock.instant().plus(off), false);
    DataSource db = EngineFixture.freshH2();
    try (OpsEngine ops = OpsEngine.builder().dataSource(db).directory(EngineFixture.people()).gateway(skewed)
        .clock(clock).build()) {
      SmsKey key = EngineFixture.releasedNotification(ops, "F-1");
      clock.advance(Duration.ofSeconds(30));
      Instant round = clock.instant();
      ops.runDueWork();

      List<FaultEvent> sent = EngineFixture.notificationsSent(OpsJdbc.create(db).faults(), "F-1");
      assertThat(sent).hasSize(1);
      assertThat(sent.get(0).at()).as("recorded at a time the engine saw").isBetween(round, round.plus(LEASE));
      assertThat(ops.faults().duties("F-1")).noneMatch(o -> o.ruleId().toString().equals("NOTIFY-TRIG-05"));
      assertThat(OpsJdbc.create(db).outbox().find(key.toString()).orElseThrow().sentAt().orElseThrow())
          .isEqualTo(sent.get(0).at());
      AuditEntry delivered = ops.auditLog().read("sms:" + key).stream().map(AuditRecord::entry)
          .filter(e -> e.action().equals("deliver")).findFirst().orElseThrow();
      assertThat(delivered.details()).containsEntry("gatewayAcceptedAt", round.plus(off).toString());
    }
  }

  @ParameterizedTest(name = "the gateway''s clock {0} seconds off")
  @ValueSource(longs = {0, 5, 100})
  @DisplayName("NOTIFY-TRIG-05 a gateway's acceptance within the round's lease is the sending time")
  void aPlausibleAcceptanceIsTheSendingTime(long secondsOff) {
    MutableClock clock = MutableClock.at(T0);
    MessageGateway close = m -> new SendReceipt("gw-" + m.idempotencyKey(), clock.instant().plusSeconds(secondsOff),
        false);
    DataSource db = EngineFixture.freshH2();
    try (OpsEngine ops = OpsEngine.builder().dataSource(db).directory(EngineFixture.people()).gateway(close)
        .clock(clock).build()) {
      SmsKey key = EngineFixture.releasedNotification(ops, "F-1");
      Instant round = clock.instant();
      ops.runDueWork();
      assertThat(EngineFixture.notificationsSent(OpsJdbc.create(db).faults(), "F-1").get(0).at())
          .isEqualTo(round.plusSeconds(secondsOff));
      assertThat(ops.auditLog().read("sms:" + key).stream().map(AuditRecord::entry)
          .filter(e -> e.action().equals("deliver")).findFirst().orElseThrow().details())
          .doesNotContainKey("gatewayAcceptedAt");
    }
  }
}
