package org.opsbook.examples.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Person;
import org.opsbook.core.PersonIds;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;

/**
 * The people file of {@code ./opsbook serve --people FILE}: the directory (who holds which role, who receives which
 * SMS classes) and, for those who sign in, a BCrypt password hash made with {@code ./opsbook hash-password}:
 *
 * <pre>{@code
 * {"people": [
 *   {"id": "lisi", "name": "李四", "org": "运营管理室", "phone": "13800000102",
 *    "roles": ["FAULT_TEAM_LEADER"], "recipientClasses": ["C"], "passwordHash": "$2a$12$…"}
 * ]}
 * }</pre>
 *
 * <p>A person without {@code passwordHash} is in the directory (receives SMS, may be named) but cannot sign in. An
 * error names the field ({@code people[3].roles[0]}).
 *
 * @param people the directory
 * @param passwordHashes the BCrypt hash per canonical person ID, for those who sign in
 */
public record PeopleFile(People people, Map<String, String> passwordHashes) {
  private static final Set<String> ROOT = Set.of("people");
  private static final Set<String> FIELDS = Set.of("id", "name", "org", "phone", "roles", "recipientClasses",
      "passwordHash");

  /** Reads a people file. */
  public static PeopleFile read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Returns true when others than the file's owner may read {@code file} (POSIX file systems; false elsewhere): it
   * holds people's names, mobile numbers and password hashes, which can be cracked offline, and the server warns.
   *
   * @throws IOException when its permissions cannot be read
   */
  public static boolean othersMayRead(Path file) throws IOException {
    if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return false;
    }
    Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
    return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ);
  }

  /** Parses a people file's text. */
  public static PeopleFile parse(String text) {
    JsonFields root = JsonFields.of(OpsJson.parse(text), "", ROOT);
    List<Person> people = new ArrayList<>();
    Map<String, String> hashes = new LinkedHashMap<>();
    List<com.fasterxml.jackson.databind.JsonNode> entries = root.array("people");
    for (int i = 0; i < entries.size(); i++) {
      JsonFields f = JsonFields.of(entries.get(i), JsonFields.element("people", i), FIELDS);
      String id = PersonIds.canonical(f.path("id"), f.requiredString("id"));
      Person.Builder b = Person.builder().id(id).name(f.requiredString("name"));
      f.string("org").ifPresent(b::org);
      f.string("phone").ifPresent(b::phone);
      List<String> roles = f.strings("roles");
      for (int r = 0; r < roles.size(); r++) {
        b.addRoles(JsonFields.parseEnum(roles.get(r), Role.class, JsonFields.element(f.path("roles"), r)));
      }
      List<String> classes = f.strings("recipientClasses");
      for (int c = 0; c < classes.size(); c++) {
        b.addRecipientClasses(JsonFields.parseEnum(classes.get(c), RecipientClass.class,
            JsonFields.element(f.path("recipientClasses"), c)));
      }
      f.string("passwordHash").ifPresent(h -> {
        if (!org.opsbook.examples.http.Credentials.isBcrypt(h)) {
          throw new InvalidInputException(f.path("passwordHash"),
              "not a BCrypt hash; make one with ./opsbook hash-password (plain passwords are never stored)");
        }
        hashes.put(id, h);
      });
      people.add(b.build());
    }
    if (people.isEmpty()) {
      throw new InvalidInputException("people", "the file lists nobody");
    }
    return new PeopleFile(People.of(people), Map.copyOf(hashes));
  }
}
