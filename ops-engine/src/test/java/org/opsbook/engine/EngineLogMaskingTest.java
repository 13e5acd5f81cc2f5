package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.engine.EngineFixture.T0;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.core.StorageException;
import org.opsbook.core.internal.memory.InMemoryAuditLog;
import org.opsbook.core.internal.memory.InMemoryFaultRepository;
import org.opsbook.core.internal.memory.InMemoryMessageOutbox;
import org.opsbook.core.internal.memory.InMemoryObligationRepository;
import org.opsbook.core.internal.memory.InMemoryWorkflowRepository;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.core.time.MutableClock;

/**
 * The engine's own log lines (the default duty reminder, the default storage-error listener) and its error messages
 * carry neither a name of the directory nor a phone number in clear: they pass the directory's {@code Masking.Names}.
 */
class EngineLogMaskingTest {
  private static final List<Person> PEOPLE = List.of(
      person("zhangsan", "张三丰", "13812345678", Role.ESC_DUTY),
      person("lisi", "李四光", "13987654321", Role.FAULT_TEAM_LEADER),
      person("wangwu", "王五", "13700001111", Role.ROOM_SUPERVISOR),
      person("zhaoliu", "赵六", "13600002222", Role.ROOM_MANAGER),
      person("sunba", "孙八", "13500003333", Role.DUTY_68284));

  private static Person person(String id, String name, String phone, Role role) {
    return Person.builder().id(id).name(name).phone(phone).addRoles(role).addRecipientClasses(RecipientClass.C)
        .build();
  }

  @Test
  void theEnginesLogLinesAndErrorsNameNobodyInClear() throws Exception {
    MutableClock clock = MutableClock.at(T0);
    InMemoryAuditLog audit = new InMemoryAuditLog();
    AtomicBoolean failing = new AtomicBoolean();
    ObligationRepository timers = new InMemoryObligationRepository();
    // the duty store fails as a database would, quoting the row it choked on: names and phones of the directory
    ObligationRepository flaky = (ObligationRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ObligationRepository.class}, (proxy, method, args) -> {
          if (failing.get() && method.getName().startsWith("claim")) {
            throw new StorageException("claim duties", "F-1", true, new IllegalStateException(
                "row (zhangsan, 张三丰, 13812345678) locked; also 李四光 at 139-8765-4321"));
          }
          try {
            return method.invoke(timers, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    String refused;
    try (OpsEngine ops = OpsEngine.builder().ports(new InMemoryFaultRepository(audit), flaky,
        new InMemoryWorkflowRepository(audit), new InMemoryMessageOutbox(), audit)
        .directory(InMemoryDirectory.of(PEOPLE)).gateway(new RecordingMessageGateway(clock)).clock(clock)
        .outboxInterval(Duration.ofMillis(10)).build()) {
      ops.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
      assertThat(ops.runDueWork().dutiesReminded()).as("the default reminder logged them").isPositive();
      refused = org.assertj.core.api.Assertions.catchThrowable(
          () -> ops.faults().open("F-2", EngineFixture.l1("F-2"), "张三丰")).getMessage();
      failing.set(true);
      clock.advance(Duration.ofHours(1));
      ops.start();
      for (int i = 0; i < 500 && !err.toString(StandardCharsets.UTF_8).contains("opsbook duties loop"); i++) {
        Thread.sleep(20);
      }
    } finally {
      System.setErr(old);
    }
    String logged = err.toString(StandardCharsets.UTF_8);
    assertThat(logged).contains("due ESC-").contains("opsbook duties loop").contains("StorageException");
    assertThat(refused).contains("personId");
    for (Person p : PEOPLE) {
      assertThat(logged).as("log").doesNotContain(p.name()).doesNotContain(p.phone().orElseThrow());
      assertThat(refused).as("error").doesNotContain(p.name());
    }
    assertThat(logged).doesNotContain("8765-4321");
  }

  @Test
  void aStepByAPersonOutsideTheDirectoryIsRefusedWithTheIdMasked() {
    MutableClock clock = MutableClock.at(T0);
    try (OpsEngine ops = OpsEngine.builder().dataSource(EngineFixture.freshH2())
        .directory(InMemoryDirectory.of(PEOPLE)).gateway(new RecordingMessageGateway(clock)).clock(clock)
        .reminder((d, o) -> { }).build()) {
      assertThatThrownBy(() -> ops.faults().open("F-1", EngineFixture.l1("F-1"), "李四光"))
          .isInstanceOf(InvalidInputException.class).hasMessageNotContaining("李四光");
    }
  }
}
