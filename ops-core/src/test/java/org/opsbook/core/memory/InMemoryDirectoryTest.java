package org.opsbook.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.core.spi.Directory;
import org.opsbook.core.testing.ListDirectory;

class InMemoryDirectoryTest {
  private static final Person WANG = Person.builder().id("wang").name("王五").addRoles(Role.ROOM_MANAGER)
      .addRecipientClasses(RecipientClass.B).build();
  private static final Person LI = Person.builder().id("li").name("李四").addRoles(Role.ESC_DUTY)
      .addRecipientClasses(RecipientClass.B, RecipientClass.C).build();
  private static final Person ZHAO = Person.builder().id("zhao").name("赵六").addRoles(Role.ROOM_MANAGER).build();
  private static final InMemoryDirectory DIRECTORY = InMemoryDirectory.of(List.of(WANG, LI, ZHAO));

  @Test
  void membersOfARecipientClassComeInTheDirectorysOrder() {
    assertThat(DIRECTORY.members(RecipientClass.B)).containsExactly(WANG, LI);
    assertThat(DIRECTORY.members(RecipientClass.C)).containsExactly(LI);
    assertThat(DIRECTORY.members(RecipientClass.A)).isEmpty();
  }

  @Test
  @DisplayName("one person, one ID: a mobile number listed under two IDs is refused, naming phone and both IDs masked")
  void aMobileNumberUnderTwoIdsIsRefused() {
    Person zhaoliu = Person.builder().id("zhaoliu").name("赵六").phone("13800138006").addRoles(Role.ROOM_MANAGER)
        .build();
    Person alias = Person.builder().id("zhaoliu2").name("赵六").phone("+86 138-0013-8006").addRoles(Role.ESC_DUTY)
        .build();
    assertThatThrownBy(() -> InMemoryDirectory.of(List.of(zhaoliu, alias)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("phone");
          assertThat(e.getMessage()).contains("one person, one ID", "138****8006", "merge")
              .doesNotContain("13800138006", "zhaoliu2");
        });
    assertThat(InMemoryDirectory.of(List.of(zhaoliu, WANG, LI)).find("zhaoliu")).as("people without a phone, too")
        .contains(zhaoliu);
    assertThat(alias.mobileNumber()).contains("13800138006");
    assertThat(Person.builder().id("x").name("x").phone("0086 138 0013 8006").build().mobileNumber())
        .contains("13800138006");
  }

  @Test
  void peopleWithARoleComeInTheDirectorysOrder() {
    assertThat(DIRECTORY.withRole(Role.ROOM_MANAGER)).containsExactly(WANG, ZHAO);
    assertThat(DIRECTORY.withRole(Role.ESC_DUTY)).containsExactly(LI);
    assertThat(DIRECTORY.withRole(Role.DEPT_MANAGER)).isEmpty();
  }

  @Test
  @DisplayName("one person, one ID: withMobileNumber answers the one person a number names, in any spelling of it")
  void theNumberIndexAnswersOnePerson() {
    Person zhaoliu = Person.builder().id("zhaoliu").name("赵六").phone("+86 138-0013-8006").build();
    InMemoryDirectory d = InMemoryDirectory.of(List.of(WANG, zhaoliu, LI));
    assertThat(d.withMobileNumber("13800138006")).containsExactly(zhaoliu);
    assertThat(d.withMobileNumber("13800138007")).isEmpty();
    assertThat(d.people()).as("everyone listed, in order, a role or not").containsExactly(WANG, zhaoliu, LI);
  }

  @Test
  @DisplayName("a host's directory: people() reads every role and class once, and withMobileNumber finds both IDs")
  void theDirectoryDefaultsFindEveryIdOfANumber() {
    Person zhaoliu = Person.builder().id("zhaoliu").name("赵六").phone("13800138006").addRoles(Role.ROOM_MANAGER)
        .build();
    Person alias = Person.builder().id("zhaoliu2").name("赵六").phone("+86 138 0013 8006")
        .addRecipientClasses(RecipientClass.D).build();
    Directory host = new ListDirectory(List.of(WANG, LI, zhaoliu, alias));
    assertThat(host.people()).as("by role first, then by class; each once").containsExactlyInAnyOrder(WANG, LI,
        zhaoliu, alias).hasSize(4);
    assertThat(host.withMobileNumber("13800138006")).containsExactlyInAnyOrder(zhaoliu, alias);
    assertThat(host.withMobileNumber("13900000000")).isEmpty();
  }
}
