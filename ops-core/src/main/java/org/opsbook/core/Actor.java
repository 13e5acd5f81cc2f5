package org.opsbook.core;

import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Someone who fires an event or owes a duty: an ID, the role codes the person holds, their organisation and their
 * kind (city staff, on-site or remote developer, …). Immutable and thread-safe.
 *
 * <pre>{@code
 * Actor zhang = Actor.builder().id("zhang").addRoles(Role.DATA_SUBMITTER).org("运营管理室")
 *     .kind(ActorKind.CITY_STAFF).build();
 * }</pre>
 */
@Value.Immutable
public abstract class Actor {
  /**
   * The person's stable ID in the host's directory, in the canonical form of {@link PersonIds#canonical}: the builder
   * folds {@code " Li"} and {@code ｌｉ} to {@code li} and refuses invisible, control and look-alike characters.
   */
  public abstract String id();

  /** The role codes the person holds (rules-catalog §1.1). */
  public abstract Set<Role> roles();

  /** The person's organisation, e.g. 运营管理室 or 数据分析室, if known. */
  public abstract Optional<String> org();

  /** What kind of party the actor is; city staff by default. */
  @Value.Default
  public ActorKind kind() {
    return ActorKind.CITY_STAFF;
  }

  /** Returns true when the actor holds {@code role}; {@code ESC_DUTY} is satisfied by A or B as well. */
  public boolean hasRole(Role role) {
    if (roles().contains(role)) {
      return true;
    }
    if (role == Role.ESC_DUTY) {
      return roles().contains(Role.ESC_HANDLER_A) || roles().contains(Role.ESC_HANDLER_B);
    }
    return false;
  }

  /** Returns true when the actor holds any of {@code roles}. */
  public boolean hasAnyRole(Set<Role> candidates) {
    for (Role r : candidates) {
      if (hasRole(r)) {
        return true;
      }
    }
    return false;
  }

  /** Returns true for on-site and remote developers. */
  public boolean isDeveloper() {
    return kind().isDeveloper();
  }

  /** Canonicalises the ID (one person, one ID); refuses an ID that cannot be made canonical. */
  @Value.Check
  protected Actor check() {
    String id = PersonIds.canonical("id", id());
    return id.equals(id()) ? this : ((ImmutableActor) ImmutableActor.copyOf(this)).withId(id);
  }

  /** Masks the ID like a name: an actor's ID is personal data in logs. */
  @Override
  public String toString() {
    return "Actor{id=" + Masking.name(id()) + ", roles=" + roles() + ", org=" + org().orElse("-") + ", kind="
        + kind() + "}";
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns an actor with {@code id} and {@code roles}, city staff with no organisation. */
  public static Actor of(String id, Role... roles) {
    return builder().id(id).addRoles(roles).build();
  }

  /** Builds {@link Actor} values; strict: each field is set once. */
  public static final class Builder extends ImmutableActor.Builder {}
}
