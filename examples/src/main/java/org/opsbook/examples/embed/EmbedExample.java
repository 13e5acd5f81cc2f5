package org.opsbook.examples.embed;

import java.time.Instant;
import java.util.List;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.Obligation;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.spi.MessageGateway.SendReceipt;
import org.opsbook.core.time.MutableClock;
import org.opsbook.engine.OpsEngine;
import org.opsbook.jdbc.OpsJdbc;
import org.opsbook.notify.HandlingParty;
import org.opsbook.notify.MessageContent;
import org.opsbook.notify.SmsKey;

public class EmbedExample {
  public static void main(String[] args) {
    // 1. The engine over your DataSource (in-memory H2 here; on PostgreSQL add .auditKey(secret) to seal its audit
    // log), your people, SMS gateway and reminders.
    MutableClock clock = MutableClock.at(Instant.parse("2026-11-25T01:20:00Z"));
    List<Person> people = List.of(person("zhangsan", "13800000101", Role.ESC_DUTY),
        person("lisi", "13800000102", Role.FAULT_TEAM_LEADER), person("wangwu", "13800000103", Role.ROOM_SUPERVISOR),
        person("zhaoliu", "13800000104", Role.ROOM_MANAGER), person("sunba", "13800000105", Role.DUTY_68284));
    try (OpsEngine ops = OpsEngine.builder().dataSource(OpsJdbc.h2DataSource(OpsJdbc.h2MemoryUrl("embed")))
        .directory(InMemoryDirectory.of(people)).clock(clock)
        .reminder((duty, owing) -> System.out.println("due now: " + duty.ruleId() + " " + duty.action()))
        .gateway(sms -> {
          System.out.println("SMS to " + sms.recipients().size() + " people: " + sms.text());
          return new SendReceipt("gw-" + sms.idempotencyKey(), clock.instant(), false);
        }).build()) {
      // 2. A fault's facts: 24 complaints make it 一级 (L1), with the duties of that level.
      ops.faults().open("F-1", FaultFacts.builder().faultId("F-1").nature(FaultNature.SYSTEM).subjectName("BOSS")
          .faultStartTime(clock.instant()).complaintCount(24).build(), "zhangsan");
      List<Obligation> duties = ops.faults().duties("F-1");
      duties.forEach(d -> System.out.println(d.ruleId() + " " + d.actor() + " -> " + d.target() + ": " + d.action()));

      // 3. The SMS that NOTIFY-TRIG-05 asks for: drafted, approved by the team leader, released after the briefing.
      Obligation notify = duties.stream().filter(d -> d.ruleId().value().equals("NOTIFY-TRIG-05")).findFirst().get();
      SmsKey key = ops.messages().plan(notify).key();
      String text = ops.messages().draft(key, "zhangsan", MessageContent.builder().phenomenon("缴费后无法开机")
          .cause("待查").scope("全市").handlingParty(HandlingParty.IT_CENTER).eta("待定").followUpPerson("张三").build())
          .orThrow().record().text().get();
      ops.messages().submit(key, "zhangsan").orThrow();
      ops.messages().approve(key, "lisi", text).orThrow();
      ops.faults().told("F-1", Role.FAULT_TEAM_LEADER, "lisi", "zhangsan"); // NOTIFY-REVIEW-03: brief them first
      ops.faults().told("F-1", Role.ROOM_SUPERVISOR, "wangwu", "zhangsan");
      ops.faults().told("F-1", Role.ROOM_MANAGER, "zhaoliu", "zhangsan");
      ops.messages().release(key, "sunba").orThrow();
      ops.runDueWork(); // or ops.start(): the outbox and the duty timers then run on the engine's own threads
      System.out.println("NOTIFY-TRIG-05 open: " + ops.faults().duties("F-1").contains(notify));
    }
  }

  static Person person(String id, String phone, Role role) {
    return Person.builder().id(id).name(id).phone(phone).addRoles(role).addRecipientClasses(RecipientClass.C).build();
  }
}
