package org.opsbook.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.opsbook.core.Actor;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.json.internal.ActorJson;
import org.opsbook.json.internal.FaultFactsJson;
import org.opsbook.json.OpsJson;

/**
 * The JSON text of the columns that hold structures: audit rule IDs and evidence, fault facts (through the core
 * codec), actors and outbox recipients. Reading is strict: stored text that does not parse is reported, never
 * guessed.
 */
public final class StoredJson {
  private StoredJson() {}

  /** Writes rule IDs as a JSON array of strings, in their natural order. */
  public static String ruleIds(SortedSet<RuleId> ids) {
    // written by hand: this runs for every audit row, and a tree plus a generator cost more than the row's I/O
    StringBuilder sb = new StringBuilder(16 * ids.size() + 2).append('[');
    for (RuleId id : ids) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      quote(sb, id.value());
    }
    return sb.append(']').toString();
  }

  /** Appends {@code s} as a JSON string literal (RFC 8259 escaping). */
  static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (ch < 0x20) {
            sb.append(String.format("\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
        }
      }
    }
    sb.append('"');
  }

  /** Reads rule IDs written by {@link #ruleIds(SortedSet)}. */
  public static SortedSet<RuleId> readRuleIds(String text) {
    SortedSet<RuleId> out = new TreeSet<>();
    for (JsonNode n : OpsJson.parse(text)) {
      out.add(RuleId.of(n.asText()));
    }
    return out;
  }

  /** Writes evidence as a JSON object, keys sorted. */
  public static String details(Map<String, String> details) {
    StringBuilder sb = new StringBuilder(64).append('{');
    for (Map.Entry<String, String> e : new TreeMap<>(details).entrySet()) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      quote(sb, e.getKey());
      sb.append(':');
      quote(sb, e.getValue());
    }
    return sb.append('}').toString();
  }

  /** Reads evidence written by {@link #details(Map)}. */
  public static Map<String, String> readDetails(String text) {
    Map<String, String> out = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = OpsJson.parse(text).fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  /** Writes fault facts with the core codec, timestamps in UTC. */
  public static String facts(FaultFacts facts) {
    return OpsJson.write(FaultFactsJson.write(facts, ZoneOffset.UTC));
  }

  /** Reads fault facts. */
  public static FaultFacts readFacts(String text) {
    return FaultFactsJson.read(OpsJson.parse(text), "facts");
  }

  /** Actors written lately: a workflow's transitions are made by a few actors over and over. */
  private static final Map<Actor, String> ACTORS = new ConcurrentHashMap<>();
  private static final int ACTORS_KEPT = 512;

  /**
   * Writes an actor with the core codec. The text of an actor (an immutable value) never changes, so the last few
   * hundred are kept: a transition then costs a map lookup, not a JSON tree and a generator.
   */
  public static String actor(Actor actor) {
    String json = ACTORS.get(actor);
    if (json == null) {
      json = OpsJson.write(ActorJson.write(actor));
      if (ACTORS.size() >= ACTORS_KEPT) {
        ACTORS.clear();
      }
      ACTORS.put(actor, json);
    }
    return json;
  }

  /** Reads an actor. */
  public static Actor readActor(String text) {
    return ActorJson.read(OpsJson.parse(text), "actor");
  }

  /** Writes outbox recipients: id, name, phone, roles, classes, org. */
  public static String recipients(List<Person> people) {
    ArrayNode a = OpsJson.array();
    for (Person p : people) {
      ObjectNode o = a.addObject();
      o.put("id", p.id());
      o.put("name", p.name());
      p.phone().ifPresent(v -> o.put("phone", v));
      ArrayNode roles = o.putArray("roles");
      p.roles().stream().sorted().forEach(r -> roles.add(r.name()));
      ArrayNode classes = o.putArray("recipientClasses");
      p.recipientClasses().stream().sorted().forEach(r -> classes.add(r.name()));
      p.org().ifPresent(v -> o.put("org", v));
    }
    return OpsJson.write(a);
  }

  /** Reads outbox recipients written by {@link #recipients(List)}. */
  public static List<Person> readRecipients(String text) {
    List<Person> out = new ArrayList<>();
    for (JsonNode n : OpsJson.parse(text)) {
      Person.Builder b = Person.builder().id(n.get("id").asText()).name(n.get("name").asText());
      if (n.hasNonNull("phone")) {
        b.phone(n.get("phone").asText());
      }
      for (JsonNode r : n.path("roles")) {
        b.addRoles(Role.valueOf(r.asText()));
      }
      for (JsonNode r : n.path("recipientClasses")) {
        b.addRecipientClasses(RecipientClass.valueOf(r.asText()));
      }
      if (n.hasNonNull("org")) {
        b.org(n.get("org").asText());
      }
      out.add(b.build());
    }
    return out;
  }
}
