package org.opsbook.json.internal;

import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.opsbook.core.Actor;
import org.opsbook.core.ActorKind;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Role;

/**
 * An actor: {@code {"id": "zhang", "roles": ["DATA_SUBMITTER"], "org": "运营管理室", "kind": "CITY_STAFF"}}. Roles
 * are the catalog's §1.1 codes; an unknown role or kind is invalid input naming its path.
 */
public final class ActorJson {
  /** The fields an actor object may have. */
  public static final Set<String> FIELDS = Set.of("id", "roles", "org", "kind");

  private ActorJson() {}

  /** Reads an actor. */
  public static Actor read(JsonNode node, String path) {
    JsonFields f = JsonFields.of(node, path, FIELDS);
    Actor.Builder b = Actor.builder().id(f.requiredString("id")).addAllRoles(f.enums("roles", Role.class));
    f.string("org").ifPresent(b::org);
    f.enumValue("kind", ActorKind.class).ifPresent(b::kind);
    try {
      return b.build();
    } catch (InvalidInputException e) {
      throw e.under(path);
    }
  }

  /** Writes an actor; roles in declaration order of the role codes. */
  public static ObjectNode write(Actor actor) {
    ObjectNode o = OpsJson.object();
    o.put("id", actor.id());
    ArrayNode roles = o.putArray("roles");
    for (Role r : Role.values()) {
      if (actor.roles().contains(r)) {
        roles.add(r.name());
      }
    }
    actor.org().ifPresent(org -> o.put("org", org));
    o.put("kind", actor.kind().name());
    return o;
  }
}
