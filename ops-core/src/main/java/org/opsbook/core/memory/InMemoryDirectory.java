package org.opsbook.core.memory;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.core.spi.Directory;

/** A {@link Directory} over a fixed list of people. Immutable and thread-safe. */
public final class InMemoryDirectory implements Directory {
  private final Map<String, Person> people;

  private InMemoryDirectory(Map<String, Person> people) {
    this.people = ImmutableMap.copyOf(people);
  }

  /** Returns a directory of {@code people}; IDs must be unique. */
  public static InMemoryDirectory of(List<Person> people) {
    Map<String, Person> byId = new LinkedHashMap<>();
    for (Person p : people) {
      if (byId.put(p.id(), p) != null) {
        throw new InvalidInputException("id", "duplicate person id in directory: " + p.id());
      }
    }
    return new InMemoryDirectory(byId);
  }

  @Override
  public List<Person> members(RecipientClass recipientClass) {
    List<Person> out = new ArrayList<>();
    for (Person p : people.values()) {
      if (p.recipientClasses().contains(recipientClass)) {
        out.add(p);
      }
    }
    return ImmutableList.copyOf(out);
  }

  @Override
  public Optional<Person> find(String personId) {
    return Optional.ofNullable(people.get(personId));
  }

  @Override
  public List<Person> withRole(Role role) {
    List<Person> out = new ArrayList<>();
    for (Person p : people.values()) {
      if (p.toActor().hasRole(role)) {
        out.add(p);
      }
    }
    return ImmutableList.copyOf(out);
  }
}
