package org.opsbook.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.ActorKind;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.core.spi.Directory;
import org.opsbook.core.testing.ListDirectory;

/** A request's person ID reaches the host's directory in canonical form; roles come from the directory. */
class ActorsTest {
  private static final Person LISI = Person.builder().id("lisi").name("李四").addRoles(Role.DATA_REVIEWER).build();

  /** A host directory that matches IDs exactly, as a plain map does. */
  private static final Directory EXACT = new Directory() {
    private final Map<String, Person> byId = Map.of(LISI.id(), LISI);

    @Override
    public List<Person> members(RecipientClass recipientClass) {
      return List.of();
    }

    @Override
    public Optional<Person> find(String personId) {
      return Optional.ofNullable(byId.get(personId));
    }

    @Override
    public List<Person> withRole(Role role) {
      return List.of();
    }
  };

  private final Actors actors = new Actors(EXACT, p -> ActorKind.CITY_STAFF);

  @Test
  @DisplayName("DATAOP-MOD-14 every spelling of lisi is the directory's lisi, with the directory's roles")
  void spellingsResolveToOnePerson() {
    for (String raw : List.of("lisi", "LiSi", " lisi", "lisi\u3000", "\uFF4C\uFF49\uFF53\uFF49")) {
      assertThat(actors.actor(raw).id()).isEqualTo("lisi");
      assertThat(actors.actor(raw).roles()).containsExactly(Role.DATA_REVIEWER);
    }
  }

  @Test
  @DisplayName("DATAOP-MOD-14 look-alike and invisible spellings are refused naming personId, the ID masked")
  void lookAlikesAreRefused() {
    for (String raw : List.of("l\u0456si", "lisi\u200B", "\u00A0")) {
      InvalidInputException e = catchThrowableOfType(() -> actors.actor(raw), InvalidInputException.class);
      assertThat(e.field()).isEqualTo("personId");
    }
    InvalidInputException unknown = catchThrowableOfType(() -> actors.actor("wangwu"), InvalidInputException.class);
    assertThat(unknown.getMessage()).contains("w*****").doesNotContain("wangwu");
  }

  @Test
  @DisplayName("the staff kind is the host's word on the directory's person, whatever the spelling")
  void theStaffKindComesFromTheHostForTheDirectorysPerson() {
    Actors kinds = new Actors(EXACT, p -> p.id().equals("lisi") ? ActorKind.DEVELOPER_REMOTE : ActorKind.CITY_STAFF);
    for (String raw : List.of("lisi", "LiSi", "\uFF4C\uFF49\uFF53\uFF49")) {
      assertThat(kinds.actor(raw).kind()).isEqualTo(ActorKind.DEVELOPER_REMOTE);
    }
    assertThat(actors.actor("lisi").kind()).isEqualTo(ActorKind.CITY_STAFF);
    Actors silent = new Actors(EXACT, p -> null);
    assertThatThrownBy(() -> silent.actor("lisi")).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("staffKinds").hasMessageNotContaining("lisi");
  }

  @Test
  @DisplayName("NOTIFY-REVIEW-01 a number the host's directory lists under a second ID after the build: neither acts")
  void aSecondIdForOneNumberAddedWhileTheHostRunsIsRefused() {
    Person li = Person.builder().id("lisi").name("李四").phone("13800138004").addRoles(Role.ESC_DUTY).build();
    Person other = Person.builder().id("wangwu").name("王五").phone("13800138005").addRoles(Role.FAULT_TEAM_LEADER)
        .build();
    List<Person> people = new CopyOnWriteArrayList<>(List.of(li, other));
    Actors onHost = new Actors(new ListDirectory(people), p -> ActorKind.CITY_STAFF);
    assertThat(onHost.actor("lisi").roles()).containsExactly(Role.ESC_DUTY);

    // the host's directory sync lists 李四's second post under a second ID, with the same number in another form
    people.add(Person.builder().id("lisi2").name("李四").phone("+86 138 0013 8004").addRoles(Role.FAULT_TEAM_LEADER)
        .build());

    for (String id : List.of("lisi", "lisi2", "LiSi2")) {
      InvalidInputException e = catchThrowableOfType(() -> onHost.actor(id), InvalidInputException.class);
      assertThat(e).as(id).isNotNull();
      assertThat(e.field()).isEqualTo("personId");
      assertThat(e.getMessage()).contains("one person, one ID", "138****8004")
          .doesNotContain("13800138004", "lisi");
    }
    assertThat(onHost.actor("wangwu").id()).as("everyone else still acts").isEqualTo("wangwu");

    people.removeIf(p -> p.id().equals("lisi2"));
    assertThat(onHost.actor("lisi").id()).as("listed once again, the person acts again").isEqualTo("lisi");
  }
}
