package org.opsbook.core.spi;

import java.util.List;
import java.util.Optional;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;

/** The host's directory of people: who is in each recipient class, who holds each role. Thread-safe. */
public interface Directory {
  /** Returns the members of a recipient class (NOTIFY-RCPT-05..07, -04). */
  List<Person> members(RecipientClass recipientClass);

  /** Returns the person with this ID. */
  Optional<Person> find(String personId);

  /** Returns the people who hold {@code role}. */
  List<Person> withRole(Role role);
}
