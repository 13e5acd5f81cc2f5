package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;
import org.opsbook.core.InvalidInputException;
import org.opsbook.json.JsonFields;
import org.opsbook.json.internal.Schema.Kind;
import org.opsbook.notify.HandlingParty;
import org.opsbook.notify.MessageContent;
import org.opsbook.notify.MessageContent.Builder;

/**
 * Reads and writes {@link MessageContent}: the decision API's {@code message} object (decision-api.md, {@code notify})
 * and, with the fault time added, the content stored in an SM-SMS instance. A blank text, a 「*」 in a text, an
 * unknown field or a handling party other than 省公司 or IT中心 is invalid input naming the field's path.
 */
public final class MessageContentJson {
  private static final Kind<HandlingParty> PARTY = Kind.custom("handlingParty",
      (f, n) -> HandlingParty.parse(f.string(n).orElseThrow(), f.path(n)), (v, z) -> TextNode.valueOf(v.label()));

  /** Stored content: the message fields and {@code faultStartTime}. */
  public static final Schema<MessageContent, Builder> STORED = Schema.of(MessageContent::builder, Builder::build)
      .opt("handlingParty", PARTY, MessageContent::handlingParty, Builder::handlingParty)
      .derive(MessageContent.class);

  /** The fields of stored content. */
  public static final Set<String> STORED_FIELDS = STORED.names();

  /** The fields of the decision API's {@code message} object: the stored ones but the fault time. */
  public static final Set<String> MESSAGE_FIELDS = messageFields();

  private MessageContentJson() {}

  private static Set<String> messageFields() {
    Set<String> s = new LinkedHashSet<>(STORED_FIELDS);
    s.remove("faultStartTime");
    return Set.copyOf(s);
  }

  /**
   * Reads a {@code message} object.
   *
   * @param node the object
   * @param path its JSON path, e.g. {@code message}
   * @throws InvalidInputException naming the offending field's path
   */
  public static MessageContent readMessage(JsonNode node, String path) {
    return STORED.read(JsonFields.of(node, path, MESSAGE_FIELDS));
  }

  /** Reads stored content (a {@code message} object plus {@code faultStartTime}). */
  public static MessageContent readStored(JsonNode node, String path) {
    return STORED.read(node, path);
  }

  /** Writes content with every present field, the fault time in {@code zone}. */
  public static ObjectNode write(MessageContent c, ZoneId zone) {
    return STORED.write(c, zone);
  }
}
