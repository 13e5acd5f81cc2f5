package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opsbook.engine.EngineFixture.T0;
import static org.opsbook.engine.EngineFixture.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.time.MutableClock;
import org.opsbook.rules.bug.BugEvent;
import org.opsbook.rules.bug.BugEventData;
import org.opsbook.rules.bug.BugState;
import org.opsbook.rules.bug.BugTicket;
import org.opsbook.rules.bug.BugTicket.NoticeChannel;
import org.opsbook.rules.ticket.ComplaintTicket.TicketCause;
import org.opsbook.rules.ticket.TicketEvent;
import org.opsbook.rules.ticket.TicketEventData;
import org.opsbook.rules.ticket.TicketState;

/** BUGs and complaint tickets through the engine: stored with their history, their duties on the engine's timers. */
class BugsAndTicketsTest {
  private final MutableClock clock = MutableClock.at(T0);
  private final List<Obligation> reminded = new CopyOnWriteArrayList<>();

  private OpsEngine engine() {
    return OpsEngine.builder().dataSource(EngineFixture.freshH2())
        .directory(InMemoryDirectory.of(List.of(person("wang", Role.TICKET_REVIEWER),
            person("li", Role.BUG_PROCESSOR), person("sun", Role.BUG_FOLLOWER),
            in("运营管理室", person("he", Role.PRE_PROCESSOR)), in("支持维护室", person("qian", Role.BILLING_DECLARANT)),
            in("运营管理室", person("zhao", Role.BILLING_DECLARANT)),
            person("zhou", Role.ESC_DUTY))))
        .gateway(new RecordingMessageGateway(clock)).reminder((duty, owing) -> reminded.add(duty)).clock(clock)
        .dutyRoster((duty, date) -> duty == Role.BILLING_DECLARANT && date.equals(LocalDate.of(2026, 11, 25))
            ? Optional.of("qian") : Optional.empty())
        .build();
  }

  /** {@code p} placed in {@code room}, as the directory knows them. */
  private static org.opsbook.core.Person in(String room, org.opsbook.core.Person p) {
    return org.opsbook.core.Person.builder().id(p.id()).name(p.name()).phone(p.phone()).addAllRoles(p.roles())
        .addAllRecipientClasses(p.recipientClasses()).org(room).build();
  }

  private static BugEventData raised() {
    return BugEventData.builder().description("充值成功但余额未增加").addComplaintNumbers("13800138000")
        .complaintIssue("充值不到账").build();
  }

  /** Takes the BUG through AMS, the province, the developer's reply and acceptance; returns the weekly close. */
  private static Result<?> closed(OpsEngine ops, String id) {
    ops.bugs().fire(id, BugEvent.SUBMIT_AMS, "li", BugEventData.builder().amsBugTicketNo("AMS-1").build());
    ops.bugs().fire(id, BugEvent.PROVINCE_ASSIGNED, "li",
        BugEventData.builder().recheckAccepted(true).developer("dev").build());
    ops.bugs().fire(id, BugEvent.DEVELOPER_REPLIED, "li", BugEventData.builder().reply("fixed").build());
    ops.bugs().fire(id, BugEvent.ACCEPT_AND_UPLOAD, "li",
        BugEventData.builder().acceptancePassed(true).uploaded(true).build());
    return ops.bugs().fire(id, BugEvent.CLOSE_WEEKLY, "sun", BugEventData.builder().weeklySummaryRef("W48").build());
  }

  @Test
  void BUG_10_whoAgreedANoticeForEachRoomAreTheDirectorysPeople() {
    try (OpsEngine ops = engine()) {
      ops.bugs().raise("BUG-1", raised(), "wang").orThrow();
      java.util.function.Supplier<BugEventData.Builder> notice = () -> BugEventData.builder()
          .addAllChannels(EnumSet.allOf(NoticeChannel.class)).uploadEta(T0.plusSeconds(86_400)).workaround("人工开机");

      InvalidInputException ghost = catchThrowableOfType(() -> ops.bugs().fire("BUG-1", BugEvent.PUBLISH_NOTICE,
          "sun", notice.get().opsRoomAgreedBy("gen").supportRoomAgreedBy("zhi").build()), InvalidInputException.class);
      assertThat(ghost.field()).isEqualTo("data.opsRoomAgreedBy");
      assertThat(ops.bugs().find("BUG-1").orElseThrow().workaround()).isEmpty();

      InvalidInputException wrongRoom = catchThrowableOfType(() -> ops.bugs().fire("BUG-1",
          BugEvent.PUBLISH_NOTICE, "sun", notice.get().opsRoomAgreedBy("He").supportRoomAgreedBy("zhao").build()),
          InvalidInputException.class);
      assertThat(wrongRoom.field()).as("BUG-10: 支持维护室 agrees through its own staff")
          .isEqualTo("data.supportRoomAgreedBy");
      assertThat(wrongRoom.ruleId()).contains(org.opsbook.core.RuleId.of("BUG-10"));

      Result<BugTicket> agreed = ops.bugs().fire("BUG-1", BugEvent.PUBLISH_NOTICE, "sun",
          notice.get().opsRoomAgreedBy("He").supportRoomAgreedBy("qian").build());
      assertThat(agreed.violatedRules()).isEmpty();
      assertThat(agreed.value().opsRoomAgreedBy()).contains("he");
    }
  }

  @Test
  void BUG_02_aRaisedBugIsStoredAndItsWeeklyFollowUpReachesTheReminderAsBugSubject() {
    try (OpsEngine ops = engine()) {
      Result<?> raised = ops.bugs().raise("BUG-1", raised(), "wang");
      assertThat(raised.accepted()).isTrue();
      assertThat(ops.bugs().find("BUG-1").orElseThrow().state()).isEqualTo(BugState.IDENTIFIED);
      List<Obligation> duties = ops.bugs().duties("BUG-1");
      assertThat(duties).extracting(o -> o.ruleId().value()).contains("BUG-02", "BUG-03", "BUG-08");
      assertThat(duties).extracting(Obligation::subjectId).containsOnly("bug:BUG-1");

      // the weekly follow-up falls due at the end of the ISO week: Monday 2026-11-30 00:00 in Asia/Shanghai
      Instant weekEnd = Instant.parse("2026-11-29T16:00:00Z");
      assertThat(ops.nextDueAt()).contains(weekEnd);
      clock.set(weekEnd);
      assertThat(ops.runDueWork().dutiesReminded()).isEqualTo(2);
      assertThat(reminded).extracting(o -> o.ruleId().value()).containsExactlyInAnyOrder("BUG-02", "BUG-08");
      assertThat(reminded).extracting(Obligation::subjectId).containsOnly("bug:BUG-1");
    }
  }

  @Test
  void BUG_03_aRefusedStepStoresNothingAndAnAcceptedOneEndsItsDuty() {
    try (OpsEngine ops = engine()) {
      ops.bugs().raise("BUG-1", raised(), "wang");
      Result<?> refused = ops.bugs().fire("BUG-1", BugEvent.SUBMIT_AMS, "li", BugEventData.empty());
      assertThat(refused.accepted()).isFalse();
      assertThat(refused.violatedRules()).extracting(r -> r.value()).containsExactly("BUG-03");
      assertThat(ops.bugs().fire("BUG-1", BugEvent.SUBMIT_AMS, "li",
          BugEventData.builder().amsBugTicketNo("AMS-1").build()).accepted()).isTrue();
      assertThat(ops.bugs().duties("BUG-1")).extracting(o -> o.ruleId().value()).doesNotContain("BUG-03");
      assertThatThrownBy(() -> ops.bugs().duties("BUG-9")).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("bugId");
    }
  }

  @Test
  void BUG_08_aClosedBugOwesNoMoreWeeklyUpdatesAndItsTimersAreTakenOff() {
    try (OpsEngine ops = engine()) {
      ops.bugs().raise("BUG-1", raised(), "wang");
      assertThat(ops.nextDueAt()).isPresent();
      Result<?> closed = closed(ops, "BUG-1");
      assertThat(closed.accepted()).as("%s", closed.violations()).isTrue();
      assertThat(ops.bugs().duties("BUG-1")).isEmpty();
      assertThat(ops.nextDueAt()).isEmpty();
    }
  }

  @Test
  void BUG_08_aClosedBugLeavesTheLiveListAndPagesWalkEveryBugNewestFirst() {
    try (OpsEngine ops = engine()) {
      ops.bugs().raise("BUG-1", raised(), "wang");
      clock.set(T0.plusSeconds(60));
      ops.bugs().raise("BUG-2", raised(), "wang");
      clock.set(T0.plusSeconds(120));
      assertThat(closed(ops, "BUG-1").accepted()).isTrue();

      assertThat(ops.bugs().list()).extracting(b -> b.bugId()).containsExactly("BUG-1", "BUG-2");
      assertThat(ops.bugs().live()).extracting(b -> b.bugId()).containsExactly("BUG-2");
      assertThat(ops.bugs().page(1, Optional.empty())).extracting(b -> b.bugId()).containsExactly("BUG-1");
      assertThat(ops.bugs().page(1, Optional.of("BUG-1"))).extracting(b -> b.bugId()).containsExactly("BUG-2");
      assertThat(ops.bugs().page(1, Optional.of("BUG-2"))).isEmpty();
      assertThatThrownBy(() -> ops.bugs().page(1, Optional.of("BUG-9"))).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("BUG-9");
      ops.tickets().receive("T-1", T0, "he");
      assertThatThrownBy(() -> ops.bugs().page(1, Optional.of("T-1"))).as("a ticket's ID is no BUG's place")
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("after"));
    }
  }

  @Test
  @DisplayName("SM-TICKET-T15 a ticket escalated to a fault goes back to review once the fault is repaired, "
      + "whatever the step says")
  void smTicketT15TheEngineSaysWhetherTheLinkedFaultIsResolved() {
    try (OpsEngine ops = engine()) {
      ops.tickets().receive("T-1", T0, "he").orThrow();
      ops.tickets().fire("T-1", TicketEvent.ACCEPT, "he", TicketEventData.empty()).orThrow();
      ops.tickets().fire("T-1", TicketEvent.SET_CAUSE, "he", TicketEventData.builder()
          .cause(TicketCause.SYSTEM_FAULT).escalationTrend(true).build()).orThrow();
      InvalidInputException nowhere = catchThrowableOfType(() -> ops.tickets().fire("T-1", TicketEvent.ESCALATE,
          "he", TicketEventData.builder().faultId("F-404").build()), InvalidInputException.class);
      assertThat(nowhere.field()).as("TICKET-11: escalated to a fault the engine holds").isEqualTo("data.faultId");
      ops.faults().open("F-1", EngineFixture.l1("F-1"), "he");
      ops.tickets().fire("T-1", TicketEvent.ESCALATE, "he", TicketEventData.builder().faultId("F-1").build())
          .orThrow();
      TicketEventData claim = TicketEventData.builder().linkedFlowResolved(true).build();
      for (String who : List.of("qian", "he")) {
        Result<?> early = ops.tickets().fire("T-1", TicketEvent.LINKED_FLOW_RESOLVED, who, claim);
        assertThat(early.violatedRules()).as("F-1 is not repaired: %s's claim is not the engine's")
            .extracting(r -> r.value()).containsExactly("SM-TICKET-T15");
      }
      assertThat(ops.tickets().find("T-1").orElseThrow().state()).isEqualTo(TicketState.ESCALATED);
      ops.faults().record("F-1", org.opsbook.core.FaultEventType.REPAIRED, "zhou");
      assertThat(ops.tickets().fire("T-1", TicketEvent.LINKED_FLOW_RESOLVED, "he", TicketEventData.empty())
          .accepted()).isTrue();
      assertThat(ops.tickets().find("T-1").orElseThrow().state()).isEqualTo(TicketState.UNDER_REVIEW);
    }
  }

  @Test
  void TICKET_13_aTicketGoesToTheDaysBillingDutyAndItsDailyProgressReachesTheReminder_TICKET_02() {
    try (OpsEngine ops = engine()) {
      assertThat(ops.tickets().receive("T-1", T0, "he").accepted()).isTrue();
      ops.tickets().fire("T-1", TicketEvent.ACCEPT, "he", TicketEventData.empty());
      ops.tickets().fire("T-1", TicketEvent.SET_CAUSE, "he", TicketEventData.builder()
          .cause(TicketCause.BUSINESS_RULE).escalationTrend(false).needsProvincialBilling(true).build());
      Result<?> wrong = ops.tickets().fire("T-1", TicketEvent.SUBMIT_TO_BILLING_DUTY, "he",
          TicketEventData.builder().assignee("zhao").build());
      assertThat(wrong.violatedRules()).extracting(r -> r.value()).containsExactly("TICKET-13");
      assertThat(ops.tickets().fire("T-1", TicketEvent.SUBMIT_TO_BILLING_DUTY, "he",
          TicketEventData.builder().assignee("qian").build()).accepted()).isTrue();
      assertThat(ops.tickets().find("T-1").orElseThrow().state()).isEqualTo(TicketState.AWAITING_BILLING_CENTER);
      assertThat(ops.tickets().history("T-1")).hasSize(3);

      List<Obligation> duties = ops.tickets().duties("T-1");
      assertThat(duties).extracting(Obligation::subjectId).containsOnly("ticket:T-1");
      Obligation progress = duties.stream().filter(o -> o.ruleId().value().equals("TICKET-02")).findFirst()
          .orElseThrow();
      Instant noonNextDay = Instant.parse("2026-11-26T04:00:00Z");
      assertThat(progress.dueAt()).contains(noonNextDay);
      clock.set(noonNextDay);
      ops.runDueWork();
      assertThat(reminded).extracting(o -> o.ruleId().value() + "@" + o.subjectId()).contains("TICKET-02@ticket:T-1");
      assertThatThrownBy(() -> ops.tickets().duties("T-9")).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("ticketId");
    }
  }
}
