package org.opsbook.core;

import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A person in the host's directory: who receives messages of which recipient classes, and how to reach them. Its
 * {@code toString()} masks the name and the phone number (personal data is never logged in clear).
 */
@Value.Immutable
public abstract class Person {
  /** The stable ID in the host's directory, canonical as {@link PersonIds#canonical} makes it. */
  public abstract String id();

  /** The person's name (personal data). */
  public abstract String name();

  /** The mobile number SMS go to, if any (personal data). */
  public abstract Optional<String> phone();

  /**
   * Returns the mobile number as its ASCII digits alone, without a country code or separators:
   * {@code +86 138-0013-8000}, the full-width {@code １３８００１３８０００} a Chinese input method types and
   * {@code 13800138000} are all {@code 13800138000}. It names one person: a directory lists it once (one person, one
   * ID), and a mass SMS goes to it once.
   */
  public Optional<String> mobileNumber() {
    return phone().map(p -> {
      StringBuilder ascii = new StringBuilder(p.length());
      // a decimal digit of any script (full-width, Arabic-Indic …) is the same digit
      p.codePoints().filter(Character::isDigit).forEach(c -> ascii.append((char) ('0' + Character.digit(c, 10))));
      String digits = ascii.toString();
      if (digits.startsWith("0086") && digits.length() == 15) {
        return digits.substring(4);
      }
      return digits.startsWith("86") && digits.length() == 13 ? digits.substring(2) : digits;
    });
  }

  /** The role codes the person holds. */
  public abstract Set<Role> roles();

  /** The recipient classes the person belongs to (NOTIFY-RCPT-05..07, -04). */
  public abstract Set<RecipientClass> recipientClasses();

  /** The person's organisation, if known. */
  public abstract Optional<String> org();

  /** Returns the person as an {@link Actor} of kind city staff. */
  public Actor toActor() {
    return Actor.builder().id(id()).addAllRoles(roles()).org(org()).build();
  }

  /** Canonicalises the ID (one person, one ID); refuses an ID that cannot be made canonical. */
  @Value.Check
  protected Person check() {
    String id = PersonIds.canonical("id", id());
    return id.equals(id()) ? this : ((ImmutablePerson) ImmutablePerson.copyOf(this)).withId(id);
  }

  @Override
  public String toString() {
    return "Person{id=" + Masking.name(id()) + ", name=" + Masking.name(name())
        + ", phone=" + phone().map(Masking::phone).orElse("-")
        + ", roles=" + roles() + ", classes=" + recipientClasses() + "}";
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Person} values. */
  public static final class Builder extends ImmutablePerson.Builder {}
}
