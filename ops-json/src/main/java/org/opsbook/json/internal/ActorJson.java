package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;
import org.opsbook.core.Actor;
import org.opsbook.core.ActorKind;
import org.opsbook.core.Role;
import org.opsbook.json.internal.Schema.Kind;

/**
 * An actor: {@code {"id": "zhang", "roles": ["DATA_SUBMITTER"], "org": "运营管理室", "kind": "CITY_STAFF"}}. Roles
 * are the catalog's §1.1 codes; an unknown role or kind is invalid input naming its path.
 */
public final class ActorJson {
  /** The table of an actor; roles written in declaration order of the role codes, kind always written. */
  public static final Schema<Actor, Actor.Builder> SCHEMA = Schema.of(Actor::builder, Actor.Builder::build)
      .req("id", Kind.NONBLANK, Actor::id, Actor.Builder::id)
      .opt("roles", Kind.listOf(Kind.of(Role.class)), a -> Optional.of(Schema.inOrder(a.roles())),
          Actor.Builder::addAllRoles)
      .opt("org", Kind.TEXT, Actor::org, Actor.Builder::org)
      .opt("kind", Kind.of(ActorKind.class), a -> Optional.of(a.kind()), Actor.Builder::kind);
  /** The fields an actor object may have. */
  public static final Set<String> FIELDS = SCHEMA.names();

  private ActorJson() {}

  /** Reads an actor. */
  public static Actor read(JsonNode node, String path) {
    return SCHEMA.read(node, path);
  }

  /** Writes an actor; roles in declaration order of the role codes. */
  public static ObjectNode write(Actor actor) {
    return SCHEMA.write(actor, java.time.ZoneOffset.UTC);
  }
}
