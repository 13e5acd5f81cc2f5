package org.opsbook.examples.demo;

import static com.google.common.base.Preconditions.checkArgument;

import org.opsbook.core.Actor;
import org.opsbook.core.ActorKind;
import org.opsbook.core.Person;
import org.opsbook.core.Role;

/**
 * A person of the directory acting in one of their roles, as the timeline names them: {@code 张三 (ESC_DUTY)}.
 *
 * @param person the person
 * @param role the role they act in now
 * @param actor the actor the library checks (roles, org and kind)
 */
record Who(Person person, Role role, Actor actor) {
  /** Returns {@code person} acting as city staff in {@code role}, which they must hold. */
  static Who as(Person person, Role role) {
    return as(person, role, ActorKind.CITY_STAFF);
  }

  /** Returns {@code person} acting in {@code role} as a party of {@code kind} (a developer on site …). */
  static Who as(Person person, Role role, ActorKind kind) {
    Actor actor = Actor.builder().id(person.id()).addAllRoles(person.roles()).org(person.org()).kind(kind).build();
    checkArgument(actor.hasRole(role), "%s does not hold %s", person.id(), role);
    return new Who(person, role, actor);
  }

  /** Returns the person's ID. */
  String id() {
    return person.id();
  }

  /** Returns {@code 张三 (ESC_DUTY)}. */
  String label() {
    return person.name() + " (" + role + ")";
  }

  @Override
  public String toString() {
    return label();
  }
}
