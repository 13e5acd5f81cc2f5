package org.opsbook.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Masking;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.spi.Directory;
import org.opsbook.core.testing.ListDirectory;

/** The engine's logs mask the names of people a host's directory lists after the build, once a minute has passed. */
class LiveNamesTest {
  private static Person person(String id, String name, String phone) {
    return Person.builder().id(id).name(name).phone(phone).addRoles(Role.ESC_DUTY).build();
  }

  @Test
  void aNameAHostsDirectoryListsAfterTheBuildIsMaskedOnceAMinuteHasPassed() {
    List<Person> listed = new CopyOnWriteArrayList<>(List.of(person("zhangsan", "张三丰", "13812345678")));
    AtomicBoolean down = new AtomicBoolean();
    ListDirectory people = new ListDirectory(listed);
    Directory host = new Directory() {
      @Override
      public List<Person> members(RecipientClass c) {
        return people.members(c);
      }

      @Override
      public Optional<Person> find(String id) {
        return people.find(id);
      }

      @Override
      public List<Person> withRole(Role role) {
        if (down.get()) {
          throw new IllegalStateException("the directory server does not answer");
        }
        return people.withRole(role);
      }
    };
    AtomicLong nanos = new AtomicLong();
    Supplier<Masking.Names> names = Defaults.liveNames(host, Defaults.checkedNames(host), nanos::get,
        Duration.ofMinutes(1));
    assertThat(names.get().mask("张三丰 called")).doesNotContain("张三丰");

    listed.add(person("wangxm", "王小明", "13900001234"));
    assertThat(names.get().mask("王小明 called")).as("within the minute, the last reading").contains("王小明");
    nanos.addAndGet(Duration.ofMinutes(1).toNanos());
    assertThat(names.get().mask("王小明 called")).doesNotContain("王小明").contains("王**");

    down.set(true);
    nanos.addAndGet(Duration.ofMinutes(1).toNanos());
    assertThat(names.get().mask("王小明 and 张三丰")).as("a failed reading keeps the last good one")
        .doesNotContain("王小明", "张三丰");
  }

  @Test
  void anInMemoryDirectorysNamesAreItsOwnAndFixed() {
    InMemoryDirectory fixed = InMemoryDirectory.of(List.of(person("zhangsan", "张三丰", "13812345678")));
    AtomicLong nanos = new AtomicLong();
    Supplier<Masking.Names> names = Defaults.liveNames(fixed, Defaults.checkedNames(fixed), nanos::get,
        Duration.ofMinutes(1));
    nanos.addAndGet(Duration.ofHours(1).toNanos());
    assertThat(names.get()).isSameAs(fixed.masking());
  }
}
