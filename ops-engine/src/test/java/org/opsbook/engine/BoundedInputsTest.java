package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opsbook.engine.EngineFixture.T0;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultSummary;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.PersonIds;
import org.opsbook.core.Role;
import org.opsbook.core.internal.InstanceIds;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.MessageGateway.SendReceipt;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.time.MutableClock;
import org.opsbook.jdbc.OpsJdbc;
import org.opsbook.notify.SmsKey;
import org.opsbook.rules.bug.BugEventData;
import org.opsbook.rules.internal.fault.ObligationEngine;

/**
 * The IDs and names a host gives are stored in columns of bounded width. What is longer is refused as invalid input
 * naming its field, before anything is decided or written; not by the database on the way, as a storage error a
 * host would retry. And what the checks let through is stored whole: the longest fault ID, with its SMS, its
 * briefing and its audit streams; the longest BUG ID; the longest person ID; the longest subject name.
 */
class BoundedInputsTest {
  /** A fault ID of the most characters, in Chinese: the database counts characters, not bytes. */
  static final String LONGEST_FAULT = "故".repeat(InstanceIds.MAX_LENGTH);
  static final String LONGEST_PERSON = "z".repeat(PersonIds.MAX_LENGTH);

  @Test
  @DisplayName("an ID or a subject name longer than storage keeps is refused naming its field, and nothing is stored")
  void tooLongIsInvalidInputNamingTheField() {
    DataSource db = EngineFixture.freshH2();
    try (OpsEngine ops = engine(db)) {
      String fault = "F".repeat(InstanceIds.MAX_LENGTH + 1);
      assertThat(catchThrowableOfType(() -> ops.faults().open(fault, EngineFixture.l1(fault), "zhangsan"),
          InvalidInputException.class).field()).isEqualTo("faultId");
      String bug = "B".repeat(InstanceIds.MAX_LENGTH + 1);
      assertThat(catchThrowableOfType(() -> ops.bugs().raise(bug, bugData(), "wang"),
          InvalidInputException.class).field()).isEqualTo("bugId");
      FaultFacts longName = FaultFacts.builder().from(EngineFixture.l1("F-1"))
          .subjectName("系".repeat(FaultSummary.MAX_SUBJECT_NAME + 1)).build();
      assertThat(catchThrowableOfType(() -> ops.faults().open("F-1", longName, "zhangsan"),
          InvalidInputException.class).field()).isEqualTo("facts.subjectName");
      assertThat(ops.faults().openFaults()).isEmpty();
      assertThat(ops.bugs().list()).isEmpty();
      assertThat(OpsJdbc.create(db).auditLog().streams()).isEmpty();
    }
    assertThat(catchThrowableOfType(() -> InMemoryDirectory.of(List.of(
        EngineFixture.person("p".repeat(PersonIds.MAX_LENGTH + 1), Role.ESC_DUTY))), InvalidInputException.class)
        .field()).isEqualTo("id");
    assertThatThrownBy(() -> OpsEngine.builder().owner("o".repeat(OpsEngine.Builder.MAX_OWNER_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("owner");
  }

  @Test
  @DisplayName("a new ID that would forge a log line or hide a character is refused naming its field; nothing stored")
  void anIdThatBreaksItsLineIsRefused() {
    DataSource db = EngineFixture.freshH2();
    String forged = "F-9\n[opsbook-reminders] INFO org.opsbook.engine - F-7 reminded to zhangsan";
    try (OpsEngine ops = engine(db)) {
      for (String fault : List.of(forged, "F-1\u200b", "\u202eF-1", "F-1 ", "F\u00a01")) {
        assertThat(catchThrowableOfType(() -> ops.faults().open(fault, EngineFixture.l1(fault), "zhangsan"),
            InvalidInputException.class).field()).as("%s", fault).isEqualTo("faultId");
      }
      assertThat(catchThrowableOfType(() -> ops.bugs().raise("B-1\r\nB-2", bugData(), "wang"),
          InvalidInputException.class).field()).isEqualTo("bugId");
      assertThat(ops.faults().openFaults()).isEmpty();
      assertThat(ops.bugs().list()).isEmpty();
      assertThat(OpsJdbc.create(db).auditLog().streams()).isEmpty();

      FaultEvent opened = FaultEvent.builder().faultId(forged).sequence(1).type(FaultEventType.OPENED).at(T0)
          .actorId("zhangsan").facts(EngineFixture.l1(forged)).build();
      FaultSummary summary = ObligationEngine.standard().track(forged).apply(opened).summary();
      OpsJdbc.create(db).faults().append(forged, 0, List.of(opened), summary, List.of());
      assertThat(ops.faults().load(forged).version()).as("a fault stored before the check still loads").isEqualTo(1);
    }
  }

  @Test
  @DisplayName("a gateway's or reminder's long failure is kept cut short, phone numbers masked, in rows and the audit")
  void aLongFailureIsKeptCutShort() {
    DataSource db = EngineFixture.freshH2();
    MutableClock clock = MutableClock.at(T0);
    // an SMS platform down behind a proxy: its whole error page, about a megabyte, as the failure's message
    String page = "mobile 13800138000: " + "<html><body>502 Bad Gateway</body></html>".repeat(25_000);
    MessageGateway down = m -> {
      throw new MessageGateway.GatewayException(m.idempotencyKey(), page, null);
    };
    try (OpsEngine ops = OpsEngine.builder().dataSource(db).auditKey(EngineFixture.auditKey())
        .directory(EngineFixture.people(EngineFixture.person("wang", Role.TICKET_REVIEWER))).gateway(down)
        .reminder((duty, people) -> {
          throw new IllegalStateException(page);
        }).clock(clock).build()) {
      SmsKey key = EngineFixture.releasedNotification(ops, "F-1");
      ops.runDueWork();
      List<String> kept = new ArrayList<>();
      kept.add(OpsJdbc.create(db).outbox().find(key.toString()).orElseThrow().lastError().orElseThrow());
      ops.auditLog().read("sms:" + key).stream().map(r -> r.entry().details().get("error"))
          .filter(java.util.Objects::nonNull).forEach(kept::add);
      OpsJdbc.create(db).obligations().pending("F-1").forEach(o -> o.lastError().ifPresent(kept::add));
      assertThat(kept).as("the outbox row, the audit record and the duties' timers").hasSizeGreaterThan(2)
          .allSatisfy(error -> assertThat(error).hasSizeLessThan(1_100).contains("138****8000")
              .doesNotContain("13800138000").endsWith("characters more)"));
    }
  }

  @Test
  @DisplayName("NOTIFY-TRIG-05 the longest IDs and subject name are stored whole, the SMS sent and recorded (H2)")
  void theLongestAreStoredWhole() {
    atTheBounds(EngineFixture.freshH2());
  }

  /** Runs the longest fault ID, BUG ID, person ID and subject name through storage {@code db}. */
  static void atTheBounds(DataSource db) {
    try (OpsEngine ops = engine(db)) {
      EngineFixture.releasedNotification(ops, LONGEST_FAULT);
      ops.runDueWork();
      assertThat(EngineFixture.notificationsSent(OpsJdbc.create(db).faults(), LONGEST_FAULT)).hasSize(1);
      assertThat(ops.faults().load(LONGEST_FAULT).faultId()).isEqualTo(LONGEST_FAULT);

      String named = "名".repeat(FaultSummary.MAX_SUBJECT_NAME);
      ops.faults().open("F-2", FaultFacts.builder().from(EngineFixture.l1("F-2")).subjectName(named).build(),
          LONGEST_PERSON);
      assertThat(ops.faults().openFaults()).filteredOn(f -> f.faultId().equals("F-2"))
          .singleElement().satisfies(f -> assertThat(f.subjectName()).contains(named));
      ops.faults().record("F-2", FaultEventType.REPORTED_TO_ROOM_MANAGER, LONGEST_PERSON);

      String bug = "缺".repeat(InstanceIds.MAX_LENGTH);
      assertThat(ops.bugs().raise(bug, bugData(), "wang").accepted()).isTrue();
      assertThat(ops.bugs().find(bug)).isPresent();
      assertThat(OpsJdbc.create(db).withAuditKey(EngineFixture.auditKey()).auditLog()
          .verify("fault:" + LONGEST_FAULT).intact()).isTrue();
    }
  }

  @Test
  @DisplayName("NOTIFY-TRIG-05 an SMS platform's long message ID is kept whole as the receipt, the SMS sent once (H2)")
  void aLongGatewayIdIsKeptWhole() {
    aLongGatewayId(EngineFixture.freshH2());
  }

  /** Sends a notification through a gateway whose IDs are longer than any column width, on storage {@code db}. */
  static void aLongGatewayId(DataSource db) {
    MutableClock clock = MutableClock.at(T0);
    List<String> sent = new ArrayList<>();
    MessageGateway verbose = m -> {
      sent.add(m.idempotencyKey());
      return new SendReceipt(platformAnswer(m.idempotencyKey()), clock.instant(), false);
    };
    try (OpsEngine ops = engine(db, clock, verbose)) {
      var key = EngineFixture.releasedNotification(ops, "F-1");
      ops.runDueWork();
      ops.runDueWork();
      assertThat(sent).as("handed over once").containsExactly(key.toString());
      assertThat(EngineFixture.notificationsSent(OpsJdbc.create(db).faults(), "F-1")).hasSize(1);
      assertThat(OpsJdbc.create(db).outbox().find(key.toString()).orElseThrow().receipt())
          .contains(platformAnswer(key.toString()));
      assertThat(ops.faults().duties("F-1")).noneMatch(o -> o.ruleId().toString().equals("NOTIFY-TRIG-05"));
    }
  }

  /** The whole answer of an SMS platform, which a host may pass on as the gateway's ID. */
  private static String platformAnswer(String key) {
    return "{\"msgid\":\"" + "9".repeat(2_000) + "\",\"key\":\"" + key + "\"}";
  }

  private static OpsEngine engine(DataSource db) {
    MutableClock clock = MutableClock.at(T0);
    return engine(db, clock, new RecordingMessageGateway(clock));
  }

  private static OpsEngine engine(DataSource db, MutableClock clock, MessageGateway gateway) {
    return OpsEngine.builder().dataSource(db).auditKey(EngineFixture.auditKey()).directory(EngineFixture.people(
            EngineFixture.person("wang", Role.TICKET_REVIEWER), EngineFixture.person(LONGEST_PERSON, Role.ESC_DUTY)))
        .gateway(gateway).clock(clock).build();
  }

  private static BugEventData bugData() {
    return BugEventData.builder().description("充值成功但余额未增加").addComplaintNumbers("13800138000")
        .complaintIssue("充值不到账").build();
  }
}
