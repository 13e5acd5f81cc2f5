package org.opsbook.examples.spring;

import java.util.List;
import org.opsbook.core.Masking;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.spi.Directory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans opsbook needs from its host: the people (a fixed demo directory) and the SMS gateway (a logger). */
@Configuration(proxyBeanMethods = false)
public class DemoBeans {
  /** Five demo people, one per role the fault and SMS workflows ask for. */
  @Bean
  public Directory directory() {
    return InMemoryDirectory.of(List.of(person("zhangsan", "张三", Role.ESC_DUTY),
        person("lisi", "李四", Role.FAULT_TEAM_LEADER), person("wangwu", "王五", Role.ROOM_SUPERVISOR),
        person("zhaoliu", "赵六", Role.ROOM_MANAGER), person("sunba", "孙八", Role.DUTY_68284)));
  }

  /**
   * An SMS gateway that logs each message, numbers and the directory's names masked, instead of sending it. The names
   * are read once: this directory is fixed.
   */
  @Bean
  public LoggingMessageGateway gateway(java.time.Clock clock, Directory directory) {
    return new LoggingMessageGateway(clock, Masking.names(directory.people().stream().map(Person::name).toList()));
  }

  private static Person person(String id, String name, Role role) {
    return Person.builder().id(id).name(name).phone("1380000000" + (id.length() % 10)).addRoles(role)
        .addRecipientClasses(RecipientClass.C).build();
  }
}
