package org.opsbook.examples.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The people file of {@code serve --people} and the calendar file of {@code --calendar}: read, or refused naming the
 * field.
 */
class PeopleFileTest {
  private static final String HASH = BCrypt.hashpw("pw", BCrypt.gensalt(4));

  @Test
  void readsTheDirectoryAndThePasswordHashesUnderCanonicalIds() {
    PeopleFile f = PeopleFile.parse("""
        {"people": [
          {"id": "LiSi", "name": "李四", "org": "运营管理室", "phone": "13800000102",
           "roles": ["FAULT_TEAM_LEADER"], "recipientClasses": ["C"], "passwordHash": "%s"},
          {"id": "han18", "name": "韩十八", "recipientClasses": ["B"]}
        ]}""".formatted(HASH));
    assertThat(f.people().find("lisi").orElseThrow().roles()).containsExactly(Role.FAULT_TEAM_LEADER);
    assertThat(f.people().directory().members(RecipientClass.B)).hasSize(1);
    assertThat(f.passwordHashes()).containsOnlyKeys("lisi");
  }

  @Test
  void aPeopleFileOthersMayReadIsToldApart(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("people.json"), "{\"people\": []}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThat(PeopleFile.othersMayRead(file)).isFalse();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    assertThat(PeopleFile.othersMayRead(file)).as("the group").isTrue();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw----r--"));
    assertThat(PeopleFile.othersMayRead(file)).as("everyone").isTrue();
  }

  @Test
  void aPlainPasswordAnUnknownRoleOrAnUnknownFieldIsRefusedNamingIt() {
    assertField("{\"people\": [{\"id\": \"lisi\", \"name\": \"李四\", \"passwordHash\": \"secret\"}]}",
        "people[0].passwordHash");
    assertField("{\"people\": [{\"id\": \"lisi\", \"name\": \"李四\", \"roles\": [\"KING\"]}]}", "people[0].roles[0]");
    assertField("{\"people\": [{\"id\": \"lisi\", \"name\": \"李四\", \"password\": \"x\"}]}", "people[0].password");
    assertField("{\"people\": []}", "people");
  }

  @Test
  void TIME_02_aCalendarFileInTheDecisionApisJsonOrTheLineFormat() {
    LocalDate friday = LocalDate.of(2026, 10, 2);
    LocalDate saturday = LocalDate.of(2026, 10, 10);
    var json = CalendarFile.parse("{\"holidays\": [\"2026-10-02\"], \"workdays\": [\"2026-10-10\"]}");
    assertThat(json.isWorkingDay(friday)).isFalse();
    assertThat(json.isWorkingDay(saturday)).isTrue();
    var lines = CalendarFile.parse("2026-10-02 holiday\n2026-10-10 workday\n");
    assertThat(lines.isWorkingDay(friday)).isFalse();
    assertThat(lines.isWorkingDay(saturday)).isTrue();
    assertThatThrownBy(() -> CalendarFile.parse("{\"holidays\": [\"2026-10-32\"]}"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("holidays[0]"));
  }

  private static void assertField(String json, String field) {
    assertThatThrownBy(() -> PeopleFile.parse(json))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
