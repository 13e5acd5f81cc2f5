package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.engine.EngineFixture.T0;
import static org.opsbook.engine.EngineFixture.person;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Person;
import org.opsbook.core.Role;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.time.MutableClock;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.SmsState;
import org.opsbook.rules.bug.BugEvent;
import org.opsbook.rules.bug.BugEventData;

/**
 * Two hosts share one database and their clocks differ by seconds, as hosts' clocks do: the host whose clock is
 * behind takes the next step after the other's, and it is recorded after it, not refused as out of order
 * (OPS-TIME-01). A clock further behind than the skew (5 minutes) is still refused.
 */
class ClockSkewTest {
  private final MutableClock clock = MutableClock.at(T0);
  private final DataSource shared = EngineFixture.freshH2();
  private final InMemoryDirectory people = InMemoryDirectory.of(List.of(person("zhangsan", Role.ESC_DUTY),
      person("lisi", Role.FAULT_TEAM_LEADER), person("wangwu", Role.ROOM_SUPERVISOR),
      person("zhaoliu", Role.ROOM_MANAGER), person("sunba", Role.DUTY_68284), person("wang", Role.TICKET_REVIEWER),
      person("li", Role.BUG_PROCESSOR)));

  private OpsEngine host(Duration behind) {
    return OpsEngine.builder().dataSource(shared).directory(people).gateway(new RecordingMessageGateway(clock))
        .clock(Clock.offset(clock, behind.negated())).build();
  }

  @Test
  void OPS_TIME_01_aHostWhoseClockIsSecondsBehindTakesTheNextStepAfterTheOthers() {
    try (OpsEngine ahead = host(Duration.ZERO); OpsEngine behind = host(Duration.ofSeconds(2))) {
      ahead.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
      clock.advance(Duration.ofSeconds(10));
      ahead.faults().record("F-1", FaultEventType.REPORTED_TO_ROOM_MANAGER, "zhangsan");
      Instant last = T0.plusSeconds(10);

      // the host behind reads 8 s; the history it joins ends at 10 s
      assertThat(behind.faults().record("F-1", FaultEventType.PROGRESS_REPORTED, "zhangsan").lastEventAt())
          .contains(last);
      assertThat(behind.faults().load("F-1").version()).isEqualTo(3);
      assertThat(behind.faults().duties("F-1")).as("read as of the last event, not before it").isNotEmpty()
          .isEqualTo(ahead.faults().duties("F-1"));

      ahead.bugs().raise("BUG-1", BugEventData.builder().description("充值成功但余额未增加")
          .addComplaintNumbers("13800138000").complaintIssue("充值不到账").build(), "wang").orThrow();
      Result<?> submitted = behind.bugs().fire("BUG-1", BugEvent.SUBMIT_AMS, "li",
          BugEventData.builder().amsBugTicketNo("AMS-1").build());
      assertThat(submitted.violatedRules()).isEmpty();
      assertThat(submitted.audit().map(AuditEntry::at)).contains(last);
      assertThat(behind.bugs().duties("BUG-1")).as("its duties reckoned from the step").isNotEmpty()
          .isEqualTo(ahead.bugs().duties("BUG-1"));

      SmsKey key = ahead.messages().plan(EngineFixture.notifyDuty(ahead, "F-1")).key();
      ahead.messages().draft(key, "zhangsan", EngineFixture.content()).orThrow();
      assertThat(behind.messages().submit(key, "zhangsan").violatedRules()).isEmpty();
      assertThat(ahead.messages().find(key).orElseThrow().state()).isEqualTo(SmsState.IN_REVIEW);
    }
  }

  @Test
  void NOTIFY_REVIEW_03_briefingsAndTheReleaseTakenOnTwoHostsKeepTheirOrder() {
    try (OpsEngine ahead = host(Duration.ZERO); OpsEngine behind = host(Duration.ofSeconds(2))) {
      ahead.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
      SmsKey key = ahead.messages().plan(EngineFixture.notifyDuty(ahead, "F-1")).key();
      String text = ahead.messages().draft(key, "zhangsan", EngineFixture.content()).orThrow().record().text()
          .orElseThrow();
      ahead.messages().submit(key, "zhangsan").orThrow();
      ahead.messages().approve(key, "lisi", text).orThrow();
      clock.advance(Duration.ofMinutes(1));
      ahead.faults().told("F-1", Role.FAULT_TEAM_LEADER, "lisi", "zhangsan");
      ahead.faults().told("F-1", Role.ROOM_SUPERVISOR, "wangwu", "zhangsan");
      clock.advance(Duration.ofSeconds(1));
      // the room manager is briefed one second later by the clock on the wall, which the host behind reads as before
      behind.faults().told("F-1", Role.ROOM_MANAGER, "zhaoliu", "zhangsan");
      assertThat(behind.faults().briefing("F-1").roomManagerBriefedAt()).contains(T0.plusSeconds(60));

      Result<?> released = behind.messages().release(key, "sunba");
      assertThat(released.violatedRules()).as("released just after the briefing, by a clock behind it").isEmpty();
    }
  }

  @Test
  void OPS_TIME_01_aClockFurtherBehindThanTheSkewIsStillRefusedAndWritesNothing() {
    try (OpsEngine ahead = host(Duration.ZERO); OpsEngine behind = host(Duration.ofMinutes(6))) {
      clock.advance(Duration.ofMinutes(10));
      ahead.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
      assertThatThrownBy(() -> behind.faults().record("F-1", FaultEventType.PROGRESS_REPORTED, "zhangsan"))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("at"))
          .hasMessageContaining("out of order");
      assertThat(ahead.faults().load("F-1").version()).isEqualTo(1);

      ahead.bugs().raise("BUG-1", BugEventData.builder().description("充值成功但余额未增加")
          .addComplaintNumbers("13800138000").complaintIssue("充值不到账").build(), "wang").orThrow();
      Result<?> refused = behind.bugs().fire("BUG-1", BugEvent.SUBMIT_AMS, "li",
          BugEventData.builder().amsBugTicketNo("AMS-1").build());
      assertThat(refused.violatedRules()).extracting(Object::toString).contains("OPS-TIME-01");
    }
  }
}
