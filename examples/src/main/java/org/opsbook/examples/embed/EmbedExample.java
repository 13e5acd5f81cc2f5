package org.opsbook.examples.embed;

import java.time.Instant;
import java.util.List;
import org.opsbook.core.Actor;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.Obligation;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.spi.Directory;
import org.opsbook.core.spi.SendReceipt;
import org.opsbook.jdbc.OpsJdbc;
import org.opsbook.notify.Briefing;
import org.opsbook.notify.HandlingParty;
import org.opsbook.notify.MessageContent;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.workflow.SmsDispatcher;
import org.opsbook.notify.workflow.SmsWorkflow;
import org.opsbook.rules.duty.FaultDutyService;
import org.opsbook.rules.duty.ObligationEngine;

/**
 * opsbook embedded in a host in one method: build it over a {@code DataSource}, feed a fault's facts, read the duties
 * they create, and approve and send the notification SMS one of them asks for. The README quotes {@link #main}
 * verbatim (a test keeps the two equal).
 */
public final class EmbedExample {
  private EmbedExample() {}

  /** Runs the example against an in-memory H2 database and prints the duties and the SMS. */
  public static void main(String[] args) {
    // 1. Build it over your DataSource (here in-memory H2; PostgreSQL alike) and your directory of people.
    OpsJdbc ops = OpsJdbc.create(OpsJdbc.h2DataSource(OpsJdbc.h2MemoryUrl("embed")));
    ops.migrate();
    Directory people = InMemoryDirectory.of(List.of(person("zhangsan", Role.ESC_DUTY),
        person("lisi", Role.FAULT_TEAM_LEADER), person("sunba", Role.DUTY_68284)));
    FaultDutyService faults = new FaultDutyService(ops.faults(), ops.obligations(), ObligationEngine.standard());
    SmsWorkflow sms = SmsWorkflow.builder().workflows(ops.workflows()).outbox(ops.outbox()).directory(people).build();
    SmsDispatcher outbox = SmsDispatcher.builder().outbox(ops.outbox()).workflows(ops.workflows())
        .directory(people).auditLog(ops.auditLog()).gateway(m -> {
          System.out.println("SMS to " + m.recipients().size() + " people: " + m.text());
          return new SendReceipt("gw-" + m.idempotencyKey(), Instant.parse("2026-11-25T01:35:00Z"), false);
        }).build();

    // 2. Feed the facts of a fault: 24 complaints make it 一级 (L1).
    Instant now = Instant.parse("2026-11-25T01:20:00Z");
    FaultFacts facts = FaultFacts.builder().faultId("F-1").nature(FaultNature.SYSTEM).subjectName("BOSS")
        .faultStartTime(now).complaintCount(24).build();
    faults.open("F-1", facts, now, "zhangsan");

    // 3. Read the duties; draft, approve and send the SMS one of them asks for.
    List<Obligation> duties = faults.obligations("F-1", now);
    duties.forEach(d -> System.out.println(d.ruleId() + " " + d.actor() + " -> " + d.target() + ": " + d.action()));
    Obligation notify = duties.stream().filter(d -> SmsWorkflow.messageTypeFor(d).isPresent()).findFirst().get();
    SmsKey key = sms.plan(notify, facts, now).key();
    Actor duty = people.find("zhangsan").get().toActor();
    String text = sms.draft(key, duty, MessageContent.builder().phenomenon("缴费后无法开机").cause("待查")
        .scope("全市").handlingParty(HandlingParty.IT_CENTER).eta("待定").followUpPerson("张三").build()
        .withFallbacks(facts), now).orThrow().record().text().get();
    sms.submitForReview(key, duty, now).orThrow();
    sms.approve(key, people.find("lisi").get().toActor(), text, now).orThrow();
    sms.release(key, people.find("sunba").get().toActor(), text, Briefing.of(now, now, now), facts, now).orThrow();
    outbox.drainOnce(now);
  }

  /** A fictional member of class C (IT-centre staff) holding {@code role}. */
  private static Person person(String id, Role role) {
    return Person.builder().id(id).name(id).phone("13800000000").addRoles(role)
        .addRecipientClasses(RecipientClass.C).build();
  }
}
