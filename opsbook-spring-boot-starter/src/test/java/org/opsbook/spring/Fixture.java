package org.opsbook.spring;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.spi.Directory;
import org.opsbook.jdbc.OpsJdbc;
import org.opsbook.notify.HandlingParty;
import org.opsbook.notify.MessageContent;

/** People, facts and fresh H2 databases for the starter's tests. */
final class Fixture {
  static final Instant T0 = Instant.parse("2026-11-25T01:20:00Z");
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private Fixture() {}

  static DataSource freshH2() {
    return OpsJdbc.h2DataSource(OpsJdbc.h2MemoryUrl("starter_test_" + DATABASES.incrementAndGet()));
  }

  static Directory people() {
    return InMemoryDirectory.of(List.of(person("zhangsan", Role.ESC_DUTY), person("lisi", Role.FAULT_TEAM_LEADER),
        person("wangwu", Role.ROOM_SUPERVISOR), person("zhaoliu", Role.ROOM_MANAGER),
        person("sunba", Role.DUTY_68284)));
  }

  static Person person(String id, Role role) {
    return Person.builder().id(id).name(id).phone("13800000000").addRoles(role)
        .addRecipientClasses(RecipientClass.C).build();
  }

  /** A BOSS system fault with 24 complaints: 一级 (L1). */
  static FaultFacts l1(String faultId) {
    return FaultFacts.builder().faultId(faultId).nature(FaultNature.SYSTEM).subjectName("BOSS")
        .faultStartTime(T0).complaintCount(24).build();
  }

  static MessageContent content() {
    return MessageContent.builder().phenomenon("缴费后无法开机").cause("待查").scope("全市")
        .handlingParty(HandlingParty.IT_CENTER).eta("待定").followUpPerson("张三").build();
  }
}
