package org.opsbook.engine.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Optional;
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
   * Returns the person with that ID, looked up by its canonical form ({@link PersonIds#canonical}), once the directory
   * has said that no other ID carries the person's mobile number ({@link Directory#withMobileNumber}). The engine's
   * build checked the whole directory, but a host's directory may change while the host runs; a person it now lists
   * under two IDs could approve under one what they did under the other (NOTIFY-REVIEW-01/02, SOX), so neither ID
   * acts until the directory lists the person once.
   *
   * @throws InvalidInputException naming {@code personId} when the directory has nobody with it, or now lists the
   *     person's mobile number under another ID too (both IDs named, masked)
   */
  public Person person(String personId) {
    if (personId == null || personId.isBlank()) {
      throw new InvalidInputException("personId", "a person ID is required");
    }
    String id = PersonIds.canonical("personId", personId);
    Person p = directory.find(id).orElseThrow(() -> new InvalidInputException("personId",
        "the directory has nobody with ID " + Masking.name(id)));
    Optional<String> number = p.mobileNumber().filter(n -> !n.isEmpty());
    Optional<String> other = number.flatMap(n -> directory.withMobileNumber(n).stream().map(Person::id)
        .filter(o -> !o.equals(p.id())).findFirst());
    if (other.isPresent()) {
      throw new InvalidInputException("personId", "one person, one ID: the directory lists the mobile number "
          + Masking.phone(number.get()) + " of " + Masking.name(p.id()) + " under " + Masking.name(other.get())
          + " too, and a person under two IDs could approve their own work; neither acts until the directory "
          + "merges the two entries into one person");
    }
    return p;
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
