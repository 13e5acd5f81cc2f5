package org.opsbook.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultEventType;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.Obligation;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.spi.Directory;
import org.opsbook.core.spi.FaultRepository;
import org.opsbook.jdbc.OpsJdbc;
import org.opsbook.notify.HandlingParty;
import org.opsbook.notify.MessageContent;
import org.opsbook.notify.SmsKey;

/** People, facts and a fresh in-memory H2 database for the engine tests (and the starter's, through the test jar). */
public final class EngineFixture {
  public static final Instant T0 = Instant.parse("2026-11-25T01:20:00Z");
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private EngineFixture() {}

  /** The host's audit key of the tests on a database that outlives the engine (a fresh copy each call). */
  public static byte[] auditKey() {
    return "the engine tests' audit key, kept outside the database".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  public static DataSource freshH2() {
    return OpsJdbc.h2DataSource(OpsJdbc.h2MemoryUrl("engine_test_" + DATABASES.incrementAndGet()));
  }

  /** The fault duty room's people (escalation duty, team leader, supervisor, room manager, 68284), and {@code more}. */
  public static Directory people(Person... more) {
    List<Person> all = new ArrayList<>(List.of(person("zhangsan", Role.ESC_DUTY),
        person("lisi", Role.FAULT_TEAM_LEADER), person("wangwu", Role.ROOM_SUPERVISOR),
        person("zhaoliu", Role.ROOM_MANAGER), person("sunba", Role.DUTY_68284)));
    all.addAll(List.of(more));
    return InMemoryDirectory.of(all);
  }

  /** A person of class C holding {@code role}, with a mobile number of their own (from the ID). */
  public static Person person(String id, Role role) {
    return Person.builder().id(id).name(id).phone(String.format("138%08d", Math.floorMod(id.hashCode(), 100_000_000)))
        .addRoles(role).addRecipientClasses(RecipientClass.C).build();
  }

  /** A BOSS system fault with 24 complaints: 一级 (L1). */
  public static FaultFacts l1(String faultId) {
    return FaultFacts.builder().faultId(faultId).nature(FaultNature.SYSTEM).subjectName("BOSS")
        .faultStartTime(T0).complaintCount(24).build();
  }

  /** The tables of the database's {@code public} schema: none before the engine has migrated it. */
  public static List<String> tables(DataSource ds) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables "
            + "WHERE table_schema = 'public'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  public static MessageContent content() {
    return MessageContent.builder().phenomenon("缴费后无法开机").cause("待查").scope("全市")
        .handlingParty(HandlingParty.IT_CENTER).eta("待定").followUpPerson("张三").build();
  }

  /**
   * Opens {@code faultId} (一级) and takes its notification SMS through draft, review, briefing and release, to the
   * outbox; returns its key.
   */
  public static SmsKey releasedNotification(OpsEngine ops, String faultId) {
    ops.faults().open(faultId, l1(faultId), "zhangsan");
    SmsKey key = ops.messages().plan(notifyDuty(ops, faultId)).key();
    String text = ops.messages().draft(key, "zhangsan", content()).orThrow().record().text().orElseThrow();
    ops.messages().submit(key, "zhangsan").orThrow();
    ops.messages().approve(key, "lisi", text).orThrow();
    ops.faults().told(faultId, Role.FAULT_TEAM_LEADER, "lisi", "zhangsan");
    ops.faults().told(faultId, Role.ROOM_SUPERVISOR, "wangwu", "zhangsan");
    ops.faults().told(faultId, Role.ROOM_MANAGER, "zhaoliu", "zhangsan");
    ops.messages().release(key, "sunba").orThrow();
    return key;
  }

  /** Returns the fault's history's records of a notification SMS sent (stored by {@code faults}), oldest first. */
  public static List<FaultEvent> notificationsSent(FaultRepository faults, String faultId) {
    return faults.events(faultId).stream().filter(e -> e.type() == FaultEventType.NOTIFICATION_SENT).toList();
  }

  /** Returns the fault's owed duty to send the notification SMS (NOTIFY-TRIG-05). */
  public static Obligation notifyDuty(OpsEngine ops, String faultId) {
    return ops.faults().duties(faultId).stream().filter(o -> o.ruleId().toString().equals("NOTIFY-TRIG-05"))
        .findFirst().orElseThrow(() -> new AssertionError("no NOTIFY-TRIG-05 owed on " + faultId));
  }

  /**
   * Returns {@code target} behind its {@code port}, each call first shown to {@code before} (the method's name and
   * arguments), which may throw to make the call fail as a dying process or a broken database would. A default
   * method of the port that {@code target} does not override runs on the proxy, so each call it makes (a
   * {@code reconcile}'s cancels and schedules) is shown, and may fail, one by one.
   */
  public static <T> T intercepted(Class<T> port, T target, BiConsumer<String, Object[]> before) {
    return port.cast(Proxy.newProxyInstance(EngineFixture.class.getClassLoader(), new Class<?>[] {port},
        (proxy, method, args) -> {
          before.accept(method.getName(), args);
          if (method.isDefault() && target.getClass().getMethod(method.getName(), method.getParameterTypes())
              .isDefault()) {
            return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
          }
          try {
            return method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        }));
  }
}
