package org.opsbook.notify.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.opsbook.core.Actor;
import org.opsbook.core.Channel;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.Obligation;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.memory.InMemoryAuditLog;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.internal.memory.InMemoryMessageOutbox;
import org.opsbook.core.internal.memory.InMemoryWorkflowRepository;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.spi.WorkflowRepository;
import org.opsbook.core.time.MutableClock;
import org.opsbook.notify.Briefing;
import org.opsbook.notify.HandlingParty;
import org.opsbook.notify.MessageContent;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.internal.NotifyConfig;
import org.opsbook.notify.SmsKey;

/** A notification desk in memory: storage, directory, gateway, workflow and dispatcher, and the people on duty. */
final class Fixture {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** 2026-11-25 14:00 in Shanghai. */
  static final Instant T0 = Instant.parse("2026-11-25T06:00:00Z");

  static final Actor DUTY_A = Actor.of("duty-a", Role.ESC_HANDLER_A);
  static final Actor DUTY_B = Actor.of("duty-b", Role.ESC_HANDLER_B);
  static final Actor LEADER = Actor.of("leader", Role.FAULT_TEAM_LEADER);
  static final Actor LEADER_ON_DUTY = Actor.of("leader-duty", Role.FAULT_TEAM_LEADER, Role.ESC_HANDLER_A);
  static final Actor DESK = Actor.of("desk", Role.DUTY_68284);
  static final Actor VILLAGE = Actor.of("village", Role.EARTH_VILLAGE);
  static final Actor VILLAGE_2 = Actor.of("village-2", Role.EARTH_VILLAGE);

  static final List<Person> PEOPLE = List.of(
      person("a1", RecipientClass.A),
      person("b1", RecipientClass.B),
      person("bc", RecipientClass.B, RecipientClass.C),
      person("c1", RecipientClass.C),
      person("d1", RecipientClass.D));

  final InMemoryAuditLog audit = new InMemoryAuditLog();
  final InMemoryWorkflowRepository workflows = new InMemoryWorkflowRepository(audit);
  final InMemoryMessageOutbox outbox = new InMemoryMessageOutbox();
  final InMemoryDirectory directory = InMemoryDirectory.of(PEOPLE);
  final MutableClock clock = MutableClock.at(T0, SHANGHAI);
  final RecordingMessageGateway gateway = new RecordingMessageGateway(clock);
  final NotifyConfig config;
  final SmsWorkflow sms;

  Fixture() {
    this(NotifyConfig.defaults());
  }

  Fixture(NotifyConfig config) {
    this(config, null);
  }

  Fixture(NotifyConfig config, MessageOutbox outboxOverride) {
    this.config = config;
    this.sms = SmsWorkflow.builder().workflows(workflows).outbox(outboxOverride == null ? outbox : outboxOverride)
        .directory(directory).config(config).build();
  }

  SmsDispatcher dispatcher(String owner) {
    return dispatcher(owner, outbox);
  }

  SmsDispatcher dispatcher(String owner, MessageOutbox box) {
    return SmsDispatcher.builder().outbox(box).gateway(gateway).workflows(workflows).directory(directory)
        .auditLog(audit).config(config).owner(owner).build();
  }

  static Person person(String id, RecipientClass... classes) {
    return Person.builder().id(id).name("员工" + id)
        .phone(String.format("138%08d", Math.floorMod(id.hashCode(), 100_000_000))).addRecipientClasses(classes)
        .build();
  }

  static FaultFacts facts(FaultNature nature, boolean callCenter, int csLevel) {
    FaultFacts.Builder b = FaultFacts.builder().faultId("F-1").nature(nature).callCenterFault(callCenter)
        .subjectName("BOSS").faultStartTime(T0.minusSeconds(1800));
    if (csLevel > 0) {
      b.csComplaintLevel(csLevel);
    }
    return b.build();
  }

  static FaultFacts systemFault() {
    return facts(FaultNature.SYSTEM, false, 0);
  }

  static MessageContent content() {
    return MessageContent.builder().subjectName("BOSS").faultStartTime(T0.minusSeconds(1800))
        .phenomenon("营业厅无法缴费").cause("待查").scope("全市营业厅").handlingParty(HandlingParty.IT_CENTER)
        .eta("今天18时前").followUpPerson("张三").build();
  }

  static Obligation obligation(String rule, String faultId, int sequence, Instant due) {
    return Obligation.builder().ruleId(RuleId.of(rule)).subjectId(faultId).actor(Role.ESC_DUTY)
        .action("send SMS").target("A,B,C").channel(Channel.SMS).dueAt(due).triggeredAt(due)
        .recurring(sequence > 1 || rule.equals("NOTIFY-TRIG-07")).sequence(sequence).build();
  }

  static Briefing briefing() {
    return Briefing.of(T0.plusSeconds(60), T0.plusSeconds(90), T0.plusSeconds(120));
  }

  /** Plans, drafts, submits and approves a message; returns its key and approved text. */
  SmsKey approved(SmsKey key, Actor author, Actor reviewer) {
    sms.plan(key, java.util.Optional.empty(), java.util.Optional.empty(), systemFault(), T0);
    sms.draft(key, author, content(), T0.plusSeconds(10)).orThrow();
    sms.submitForReview(key, author, T0.plusSeconds(20)).orThrow();
    sms.approve(key, reviewer, text(key), T0.plusSeconds(30)).orThrow();
    return key;
  }

  /** Approves and releases the notifications of faults F-1 to F-{@code count} at {@code at}. */
  void releasedNotifications(int count, Instant at) {
    for (int i = 1; i <= count; i++) {
      SmsKey k = SmsKey.of("F-" + i, MessageType.NOTIFICATION, 1);
      approved(k, DUTY_A, LEADER);
      sms.release(k, DESK, approvedText(k), briefing(), systemFault(), at).orThrow();
    }
  }

  /**
   * Releases {@code key} in this store through an outbox that dies before the enqueue, as another process would: its
   * workflow is recorded here, its message is not.
   */
  void releaseAndCrash(SmsKey key, Instant at) {
    CrashingOutbox crashing = new CrashingOutbox(outbox);
    Fixture writer = new Fixture(NotifyConfig.defaults(), crashing);
    writer.approved(key, DUTY_A, LEADER);
    crashing.arm(CrashingOutbox.Point.BEFORE_ENQUEUE);
    assertThatThrownBy(() -> writer.sms.release(key, DESK, writer.approvedText(key), briefing(), systemFault(), at))
        .isInstanceOf(CrashingOutbox.Crash.class);
    for (WorkflowRepository.WorkflowInstance i : writer.workflows.list(SmsWorkflow.MACHINE)) {
      workflows.create(WorkflowRepository.WorkflowInstance.builder().id(i.id()).machine(i.machine())
          .state(i.state()).version(0).dataJson(i.dataJson()).createdAt(i.createdAt()).updatedAt(i.updatedAt())
          .build(), List.of());
    }
    assertThat(outbox.find(key.toString())).isEmpty();
  }

  String text(SmsKey key) {
    return sms.find(key).orElseThrow().record().text().orElseThrow();
  }

  String approvedText(SmsKey key) {
    return sms.find(key).orElseThrow().record().approvedText().orElseThrow();
  }
}
