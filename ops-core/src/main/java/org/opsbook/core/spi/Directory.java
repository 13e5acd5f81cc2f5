package org.opsbook.core.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Returns the people listed, each once, by ID: at least everyone who holds a role or belongs to a recipient class,
   * whom the engine checks and masks in its logs. The default asks {@link #withRole} for every role and
   * {@link #members} for every class; a directory that can list its people at once overrides it.
   */
  default List<Person> people() {
    Map<String, Person> byId = new LinkedHashMap<>();
    for (Role r : Role.values()) {
      withRole(r).forEach(p -> byId.putIfAbsent(p.id(), p));
    }
    for (RecipientClass c : RecipientClass.values()) {
      members(c).forEach(p -> byId.putIfAbsent(p.id(), p));
    }
    return List.copyOf(byId.values());
  }

  /**
   * Returns the people whose {@link Person#mobileNumber()} is {@code mobileNumber} (digits alone). One person has one
   * ID, so a sound directory answers one person or none; two mean one person listed under two IDs, who could approve
   * their own work under the other (NOTIFY-REVIEW-01/02, SOX). The engine asks this before anyone acts, so a directory
   * that changes while the host runs is held to one person, one ID as well as at the engine's build. The default
   * filters {@link #people()}; a directory with an index of numbers overrides it.
   */
  default List<Person> withMobileNumber(String mobileNumber) {
    return people().stream().filter(p -> p.mobileNumber().filter(mobileNumber::equals).isPresent()).toList();
  }
}
