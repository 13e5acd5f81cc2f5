package org.opsbook.engine.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.function.Function;
import org.opsbook.core.Actor;
import org.opsbook.core.ActorKind;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.Obligation;
import org.opsbook.core.Person;
import org.opsbook.core.PersonIds;
import org.opsbook.core.spi.Directory;

/**
 * Resolves who acts from the directory: the roles, the organisation and the staff kind of a person ID come from the
 * directory and the host's staff-kind mapping, never from the caller. Thread-safe as the directory is.
 */
public final class Actors {
  private final Directory directory;
  private final Function<Person, ActorKind> staffKinds;

  /** Creates the resolver. */
  public Actors(Directory directory, Function<Person, ActorKind> staffKinds) {
    this.directory = checkNotNull(directory, "directory");
    this.staffKinds = checkNotNull(staffKinds, "staffKinds");
  }

  /** Returns the directory. */
  public Directory directory() {
    return directory;
  }

  /**
   * Returns the person with that ID, looked up by its canonical form ({@link PersonIds#canonical}).
   *
   * @throws InvalidInputException naming {@code personId} when the directory has nobody with it
   */
  public Person person(String personId) {
    if (personId == null || personId.isBlank()) {
      throw new InvalidInputException("personId", "a person ID is required");
    }
    String id = PersonIds.canonical("personId", personId);
    return directory.find(id).orElseThrow(() -> new InvalidInputException("personId",
        "the directory has nobody with ID " + Masking.name(id)));
  }

  /** Returns the actor of the person with that ID, as the directory knows them. */
  public Actor actor(String personId) {
    Person p = person(personId);
    ActorKind kind = staffKinds.apply(p);
    if (kind == null) {
      // the host's function answered nothing: its fault, not the caller's; the ID masked as in every message here
      throw new NullPointerException("the host's staffKinds gave no staff kind for " + Masking.name(p.id()));
    }
    return Actor.builder().id(p.id()).addAllRoles(p.roles()).org(p.org()).kind(kind).build();
  }

  /** Returns who holds the duty's actor role. */
  public List<Person> owing(Obligation duty) {
    return directory.withRole(duty.actor());
  }
}
