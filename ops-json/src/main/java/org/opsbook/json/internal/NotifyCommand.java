package org.opsbook.json.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.TreeSet;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.RuleId;
import org.opsbook.json.DecisionCommand;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.notify.MessageContent;
import org.opsbook.notify.internal.MessageRenderer;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.internal.RecipientDecision;
import org.opsbook.notify.internal.RecipientRules;
import org.opsbook.notify.internal.Rendered;

/**
 * The decision API's {@code notify} command (decision-api.md): renders the message of {@code messageType} for a
 * fault and says who receives it.
 *
 * <p>Request: {@code {"messageType": "NOTIFICATION | FOLLOW_UP | RECOVERY | BUG_NOTICE", "facts": {FaultFacts},
 * "message": {subjectName, phenomenon, cause, scope, handlingParty, eta, followUpPerson, uploadEta,
 * uploadFollowUpPerson, workaround}}}. {@code message.subjectName} fills {@code {subject}} and falls back to
 * {@code facts.subjectName}; the fault time comes from {@code facts.faultStartTime}. Every placeholder the chosen
 * template uses is required: a missing one is invalid input naming {@code message.<field>} (or
 * {@code facts.faultStartTime}) and the template's rule ID.
 *
 * <p>Response: {@code {"templateId", "text", "recipientClasses", "characters", "smsSegments", "matchedRules"}};
 * {@code matchedRules} (an optional extension) lists the template and the recipient rules, sorted. The BUG notice is
 * posted, not sent (BUG-04), so its {@code recipientClasses} is empty. Stateless and thread-safe.
 */
public final class NotifyCommand implements DecisionCommand {
  private static final Set<String> FIELDS = Set.of("messageType", "facts", "message");

  private final MessageRenderer renderer;

  /** Creates the command over the manual's templates and the default settings. */
  public NotifyCommand() {
    this(MessageRenderer.defaults());
  }

  /** Creates the command over a host's templates and settings. */
  public NotifyCommand(MessageRenderer renderer) {
    this.renderer = checkNotNull(renderer, "renderer");
  }

  @Override
  public String name() {
    return "notify";
  }

  @Override
  public JsonNode handle(JsonNode request) {
    JsonFields f = JsonFields.of(request, "", FIELDS);
    MessageType type = f.requiredEnum("messageType", MessageType.class);
    FaultFacts facts = f.node("facts").map(n -> FaultFactsJson.read(n, "facts")).orElse(FaultFacts.empty());
    MessageContent message = f.node("message").map(n -> MessageContentJson.readMessage(n, "message"))
        .orElse(MessageContent.builder().build());
    RuleId templateId;
    RecipientDecision recipients;
    try {
      templateId = renderer.templateFor(type, facts.nature());
      recipients = RecipientRules.forMessage(type, facts, renderer.config().parameters());
    } catch (InvalidInputException e) {
      throw e.under("facts");
    }
    Rendered rendered;
    try {
      rendered = renderer.render(templateId, message.withFallbacks(facts));
    } catch (InvalidInputException e) {
      String where = e.field().equals("faultStartTime") ? "facts" : "message";
      throw e.under(where);
    }
    ObjectNode out = OpsJson.object();
    out.put("templateId", rendered.templateId().value());
    out.put("text", rendered.text());
    ArrayNode classes = out.putArray("recipientClasses");
    for (RecipientClass c : recipients.classes()) {
      classes.add(c.name());
    }
    out.put("characters", rendered.length().characters());
    out.put("smsSegments", rendered.length().segments());
    Set<RuleId> rules = new TreeSet<>(recipients.ruleIds());
    rules.add(rendered.templateId());
    out.set("matchedRules", OpsJson.ruleIds(rules));
    return out;
  }
}
