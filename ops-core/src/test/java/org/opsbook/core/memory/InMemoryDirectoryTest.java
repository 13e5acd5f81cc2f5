package org.opsbook.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;

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
  void peopleWithARoleComeInTheDirectorysOrder() {
    assertThat(DIRECTORY.withRole(Role.ROOM_MANAGER)).containsExactly(WANG, ZHAO);
    assertThat(DIRECTORY.withRole(Role.ESC_DUTY)).containsExactly(LI);
    assertThat(DIRECTORY.withRole(Role.DEPT_MANAGER)).isEmpty();
  }
}
