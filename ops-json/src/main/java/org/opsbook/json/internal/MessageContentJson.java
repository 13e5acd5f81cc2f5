package org.opsbook.json.internal;

import org.opsbook.json.OpsJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import java.time.ZoneId;
import java.util.Set;
import org.opsbook.core.InvalidInputException;
import org.opsbook.json.JsonFields;
import org.opsbook.json.Timestamps;
import org.opsbook.notify.HandlingParty;
import org.opsbook.notify.MessageContent;

/**
 * Reads and writes {@link MessageContent}: the decision API's {@code message} object (decision-api.md, {@code notify})
 * and, with the fault time added, the content stored in an SM-SMS instance. A blank text, a 「*」 in a text, an
 * unknown field or a handling party other than 省公司 or IT中心 is invalid input naming the field's path.
 */
public final class MessageContentJson {
  /** The fields of the decision API's {@code message} object. */
  public static final Set<String> MESSAGE_FIELDS = ImmutableSet.of("subjectName", "phenomenon", "cause", "scope",
      "handlingParty", "eta", "followUpPerson", "uploadEta", "uploadFollowUpPerson", "workaround");

  /** The fields of stored content: the message fields and {@code faultStartTime}. */
  public static final Set<String> STORED_FIELDS = ImmutableSet.<String>builder().addAll(MESSAGE_FIELDS)
      .add("faultStartTime").build();

  private MessageContentJson() {}

  /**
   * Reads a {@code message} object.
   *
   * @param node the object
   * @param path its JSON path, e.g. {@code message}
   * @throws InvalidInputException naming the offending field's path
   */
  public static MessageContent readMessage(JsonNode node, String path) {
    return read(JsonFields.of(node, path, MESSAGE_FIELDS));
  }

  /** Reads stored content (a {@code message} object plus {@code faultStartTime}). */
  public static MessageContent readStored(JsonNode node, String path) {
    JsonFields f = JsonFields.of(node, path, STORED_FIELDS);
    return read(f);
  }

  private static MessageContent read(JsonFields f) {
    MessageContent.Builder b = MessageContent.builder();
    f.string("subjectName").ifPresent(b::subjectName);
    if (f.has("faultStartTime")) {
      b.faultStartTime(f.requiredTimestamp("faultStartTime"));
    }
    f.string("phenomenon").ifPresent(b::phenomenon);
    f.string("cause").ifPresent(b::cause);
    f.string("scope").ifPresent(b::scope);
    f.string("handlingParty").ifPresent(h -> b.handlingParty(HandlingParty.parse(h, f.path("handlingParty"))));
    f.string("eta").ifPresent(b::eta);
    f.string("followUpPerson").ifPresent(b::followUpPerson);
    f.string("uploadEta").ifPresent(b::uploadEta);
    f.string("uploadFollowUpPerson").ifPresent(b::uploadFollowUpPerson);
    f.string("workaround").ifPresent(b::workaround);
    try {
      return b.build();
    } catch (InvalidInputException e) {
      throw e.under(f.path());
    }
  }

  /** Writes content with every present field, the fault time in {@code zone}. */
  public static ObjectNode write(MessageContent c, ZoneId zone) {
    ObjectNode o = org.opsbook.json.OpsJson.object();
    c.subjectName().ifPresent(v -> o.put("subjectName", v));
    c.faultStartTime().ifPresent(v -> o.put("faultStartTime", Timestamps.format(v, zone)));
    c.phenomenon().ifPresent(v -> o.put("phenomenon", v));
    c.cause().ifPresent(v -> o.put("cause", v));
    c.scope().ifPresent(v -> o.put("scope", v));
    c.handlingParty().ifPresent(v -> o.put("handlingParty", v.label()));
    c.eta().ifPresent(v -> o.put("eta", v));
    c.followUpPerson().ifPresent(v -> o.put("followUpPerson", v));
    c.uploadEta().ifPresent(v -> o.put("uploadEta", v));
    c.uploadFollowUpPerson().ifPresent(v -> o.put("uploadFollowUpPerson", v));
    c.workaround().ifPresent(v -> o.put("workaround", v));
    return o;
  }
}
