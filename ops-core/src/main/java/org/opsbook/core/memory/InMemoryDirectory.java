package org.opsbook.core.memory;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.Person;
import org.opsbook.core.PersonIds;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.core.spi.Directory;

/**
 * A {@link Directory} over a fixed list of people, keyed by canonical ID ({@link PersonIds#canonical}): {@code find}
 * answers {@code "Li"}, {@code " li"} and {@code ｌｉ} with the person {@code li}, and refuses a look-alike or
 * invisible-character ID. Its {@link #masking()} masks its people's names (and phone numbers) in free text.
 * Immutable and thread-safe.
 */
public final class InMemoryDirectory implements Directory {
  private final Map<String, Person> people;
  private final Map<String, Person> byNumber;
  private final Masking.Names masking;

  private InMemoryDirectory(Map<String, Person> people, Map<String, Person> byNumber) {
    this.people = ImmutableMap.copyOf(people);
    this.byNumber = ImmutableMap.copyOf(byNumber);
    this.masking = Masking.names(people.values().stream().map(Person::name).toList());
  }

  /**
   * Returns a directory of {@code people}: one person, one ID. IDs must be unique, and so must mobile numbers
   * ({@link Person#mobileNumber()}): one person listed under two IDs could review their own draft or approve their own
   * request, as the separation of duties forbids (NOTIFY-REVIEW-01/02, SOX), and would get every mass SMS twice.
   *
   * @throws InvalidInputException naming {@code id} for an ID listed twice, or {@code phone} for a mobile number
   *     listed under two IDs (both IDs named, masked): merge the two entries' roles and classes into one person
   */
  public static InMemoryDirectory of(List<Person> people) {
    Map<String, Person> byId = new LinkedHashMap<>();
    Map<String, Person> byNumber = new HashMap<>();
    for (Person p : people) {
      if (byId.put(p.id(), p) != null) {
        throw new InvalidInputException("id", "duplicate person id in directory: " + Masking.name(p.id()));
      }
      Optional<String> number = p.mobileNumber().filter(n -> !n.isEmpty());
      Person other = number.map(n -> byNumber.putIfAbsent(n, p)).orElse(null);
      if (other != null) {
        throw new InvalidInputException("phone", "one person, one ID: the mobile number "
            + Masking.phone(number.get()) + " is listed under both " + Masking.name(other.id()) + " and "
            + Masking.name(p.id()) + "; merge the two entries' roles and recipient classes into one person");
      }
    }
    return new InMemoryDirectory(byId, byNumber);
  }

  @Override
  public List<Person> members(RecipientClass recipientClass) {
    return matching(p -> p.recipientClasses().contains(recipientClass));
  }

  @Override
  public Optional<Person> find(String personId) {
    return Optional.ofNullable(people.get(PersonIds.canonical("personId", personId)));
  }

  /** Returns the masking of this directory's names and of phone and ID-card numbers, for logs and exports. */
  public Masking.Names masking() {
    return masking;
  }

  @Override
  public List<Person> withRole(Role role) {
    return matching(p -> p.toActor().hasRole(role));
  }

  /** Returns everyone listed, in the directory's order. */
  @Override
  public List<Person> people() {
    return ImmutableList.copyOf(people.values());
  }

  /** Returns the one person with that mobile number, or nobody: {@link #of} refused a number listed twice. */
  @Override
  public List<Person> withMobileNumber(String mobileNumber) {
    Person p = byNumber.get(mobileNumber);
    return p == null ? List.of() : List.of(p);
  }

  /** The people {@code test} accepts, in the directory's order. */
  private List<Person> matching(Predicate<Person> test) {
    List<Person> out = new ArrayList<>();
    for (Person p : people.values()) {
      if (test.test(p)) {
        out.add(p);
      }
    }
    return ImmutableList.copyOf(out);
  }
}
