package org.opsbook.core.testing;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Optional;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.core.spi.Directory;

/**
 * A host's own directory, as a test needs one: over a list the test may change while the host runs (pass a
 * {@link java.util.concurrent.CopyOnWriteArrayList}), matching IDs exactly as a plain map does, checked by nobody, and
 * implementing only what {@link Directory} requires, so its default {@code people()} and {@code withMobileNumber}
 * are what runs.
 */
public final class ListDirectory implements Directory {
  private final List<Person> people;

  /** Creates a directory that reads {@code people} at each call. */
  public ListDirectory(List<Person> people) {
    this.people = checkNotNull(people, "people");
  }

  @Override
  public List<Person> members(RecipientClass recipientClass) {
    return people.stream().filter(p -> p.recipientClasses().contains(recipientClass)).toList();
  }

  @Override
  public Optional<Person> find(String personId) {
    return people.stream().filter(p -> p.id().equals(personId)).findFirst();
  }

  @Override
  public List<Person> withRole(Role role) {
    return people.stream().filter(p -> p.toActor().hasRole(role)).toList();
  }
}
