package org.opsbook.core.spi;

import java.util.List;
import java.util.Optional;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;

/**
 * The host's directory of people: who is in each recipient class, who holds each role. Thread-safe.
 *
 * <p>People are keyed by the canonical ID of {@link org.opsbook.core.PersonIds#canonical} (a {@link Person}'s ID is
 * canonical by construction): an implementation must find {@code li} when asked for {@code Li} or {@code ｌｉ}, and
 * never hold two people whose IDs differ only in spelling.
 */
public interface Directory {
  /** Returns the members of a recipient class (NOTIFY-RCPT-05..07, -04). */
  List<Person> members(RecipientClass recipientClass);

  /**
   * Returns the person with this ID, compared in canonical form.
   *
   * @throws org.opsbook.core.InvalidInputException when the ID has no canonical form (invisible or look-alike
   *     characters)
   */
  Optional<Person> find(String personId);

  /** Returns the people who hold {@code role}. */
  List<Person> withRole(Role role);
}
