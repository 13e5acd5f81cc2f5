package org.opsbook.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.opsbook.engine.EngineFixture.T0;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Person;
import org.opsbook.core.Role;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.core.spi.Directory;
import org.opsbook.core.testing.ListDirectory;
import org.opsbook.core.time.MutableClock;

/**
 * The builder refuses what cannot run, at the setting that is wrong and naming it, rather than at {@code start()} or
 * in the loops: a pause the scheduler cannot take, a negative timeout or checkpoint interval, a blank owner; and a
 * build with no storage or two, no directory or no gateway opens nothing.
 */
class OpsEngineBuilderTest {
  private final MutableClock clock = MutableClock.at(T0);
  private final RecordingMessageGateway gateway = new RecordingMessageGateway(clock);

  @Test
  void aSettingTheLoopsCannotRunIsRefusedWhereItIsSetNamingIt() {
    refused(b -> b.outboxInterval(Duration.ZERO), "outboxInterval");
    refused(b -> b.outboxInterval(Duration.ofNanos(999_999)), "outboxInterval");
    refused(b -> b.outboxInterval(Duration.ofSeconds(-1)), "outboxInterval");
    refused(b -> b.stopTimeout(Duration.ofMillis(-1)), "stopTimeout");
    refused(b -> b.checkpointInterval(Duration.ofHours(-1)), "checkpointInterval");
    refused(b -> b.owner(" "), "owner");
    refused(b -> b.database("jdbc:h2:mem:x", -3), "poolSize");
    // the edges that may run
    OpsEngine.builder().outboxInterval(Duration.ofMillis(1)).stopTimeout(Duration.ZERO)
        .checkpointInterval(Duration.ZERO).owner("host-1");
  }

  private static void refused(Consumer<OpsEngine.Builder> setting, String name) {
    Throwable e = catchThrowable(() -> setting.accept(OpsEngine.builder()));
    assertThat(e).as(name).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
  }

  @Test
  void aBuildWithoutExactlyOneStorageOrWithoutDirectoryOrGatewayIsRefusedAndMigratesNothing() throws Exception {
    DataSource ds = EngineFixture.freshH2();
    assertThatThrownBy(() -> OpsEngine.builder().directory(EngineFixture.people()).gateway(gateway).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("dataSource, database or ports");
    assertThatThrownBy(() -> OpsEngine.builder().dataSource(ds).database("jdbc:h2:mem:y", 1)
        .directory(EngineFixture.people()).gateway(gateway).build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dataSource, database or ports");
    assertThatThrownBy(() -> OpsEngine.builder().dataSource(ds).gateway(gateway).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("directory");
    assertThatThrownBy(() -> OpsEngine.builder().dataSource(ds).directory(EngineFixture.people()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("gateway");
    assertThat(EngineFixture.tables(ds)).as("a refused build touched the database").isEmpty();

    try (OpsEngine ops = OpsEngine.builder().dataSource(ds).directory(EngineFixture.people()).gateway(gateway)
        .clock(clock).build()) {
      assertThat(EngineFixture.tables(ds)).isNotEmpty();
      assertThat(ops.isRunning()).isFalse();
    }
  }

  @Test
  void NOTIFY_REVIEW_01_aHostDirectoryListingOnePersonUnderTwoIdsIsRefusedBeforeTheDatabaseIsTouched()
      throws Exception {
    DataSource ds = EngineFixture.freshH2();
    // one mobile number under two IDs: the author of a draft could approve it under the other
    List<Person> people = List.of(EngineFixture.person("zhangsan", Role.ESC_DUTY),
        Person.builder().id("zhangsan2").name("张三").phone(EngineFixture.person("zhangsan", Role.ESC_DUTY).phone()
            .orElseThrow()).addRoles(Role.FAULT_TEAM_LEADER).build());
    Directory host = new ListDirectory(people);
    assertThatThrownBy(() -> OpsEngine.builder().dataSource(ds).directory(host).gateway(gateway).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("phone"))
        .hasMessageContaining("one person, one ID");
    assertThat(EngineFixture.tables(ds)).as("a refused build touched the database").isEmpty();
  }

  @Test
  void aDatabaseUrlThatNeedsHikariCpOnAClassPathWithoutItIsRefusedNamingIt() {
    // this module's tests have no HikariCP on their class path, as a host on H2 or with its own pool has none
    assertThatThrownBy(() -> Class.forName("com.zaxxer.hikari.HikariDataSource"))
        .isInstanceOf(ClassNotFoundException.class);

    assertThatThrownBy(() -> OpsEngine.builder().database("jdbc:postgresql://127.0.0.1:9/ops", 2)
        .directory(EngineFixture.people()).gateway(gateway).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("com.zaxxer:HikariCP")
        .hasMessageContaining("dataSource");
  }
}
