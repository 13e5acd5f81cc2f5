package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.opsbook.core.FaultNature;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.json.Timestamps;
import org.opsbook.notify.Briefing;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.SmsRecord;

/**
 * The codec of an SM-SMS instance's data ({@link SmsRecord}) as stored in
 * {@link org.opsbook.core.spi.WorkflowInstance#dataJson()}: one JSON object, timestamps in UTC, absent values left
 * out. Reading is strict, so data written by another version or edited by hand fails loudly, naming the field.
 */
public final class SmsRecordJson implements org.opsbook.notify.workflow.SmsRecordFormat {
  private static final Set<String> FIELDS = ImmutableSet.of("faultId", "messageType", "sequence", "templateId",
      "triggerRuleId", "dueAt", "nature", "callCenterFault", "baseClasses", "baseRules", "author", "authorRole",
      "content", "text", "reviewer", "approvedText", "approvedAt", "lastRejection", "sender", "sentAt", "briefing",
      "recipientClasses", "recipientIds", "supersededBy");
  private static final Set<String> BRIEFING_FIELDS = ImmutableSet.of("teamLeaderInformedAt",
      "roomSupervisorInformedAt", "roomManagerBriefedAt");

  /** The JSON form, as the service loader creates it. */
  public SmsRecordJson() {}

  /** Writes {@code r} as compact JSON text. */
  @Override
  public String write(SmsRecord r) {
    ObjectNode o = OpsJson.object();
    o.put("faultId", r.faultId());
    o.put("messageType", r.messageType().name());
    o.put("sequence", r.sequence());
    o.put("templateId", r.templateId().value());
    r.triggerRuleId().ifPresent(v -> o.put("triggerRuleId", v.value()));
    r.dueAt().ifPresent(v -> o.put("dueAt", ts(v)));
    o.put("nature", r.nature().name());
    o.put("callCenterFault", r.callCenterFault());
    ArrayNode base = o.putArray("baseClasses");
    r.baseClasses().forEach(c -> base.add(c.name()));
    o.set("baseRules", OpsJson.ruleIds(r.baseRules()));
    r.author().ifPresent(v -> o.put("author", v));
    r.authorRole().ifPresent(v -> o.put("authorRole", v.name()));
    r.content().ifPresent(v -> o.set("content", MessageContentJson.write(v, ZoneOffset.UTC)));
    r.text().ifPresent(v -> o.put("text", v));
    r.reviewer().ifPresent(v -> o.put("reviewer", v));
    r.approvedText().ifPresent(v -> o.put("approvedText", v));
    r.approvedAt().ifPresent(v -> o.put("approvedAt", ts(v)));
    r.lastRejection().ifPresent(v -> o.put("lastRejection", v));
    r.sender().ifPresent(v -> o.put("sender", v));
    r.sentAt().ifPresent(v -> o.put("sentAt", ts(v)));
    r.briefing().ifPresent(b -> {
      ObjectNode bo = o.putObject("briefing");
      b.teamLeaderInformedAt().ifPresent(v -> bo.put("teamLeaderInformedAt", ts(v)));
      b.roomSupervisorInformedAt().ifPresent(v -> bo.put("roomSupervisorInformedAt", ts(v)));
      b.roomManagerBriefedAt().ifPresent(v -> bo.put("roomManagerBriefedAt", ts(v)));
    });
    ArrayNode classes = o.putArray("recipientClasses");
    r.recipientClasses().forEach(c -> classes.add(c.name()));
    ArrayNode ids = o.putArray("recipientIds");
    r.recipientIds().forEach(ids::add);
    r.supersededBy().ifPresent(v -> o.put("supersededBy", v));
    return OpsJson.write(o);
  }

  /**
   * Reads data written by {@link #write}.
   *
   * @throws InvalidInputException naming the offending field when the text is not such data
   */
  @Override
  public SmsRecord read(String json) {
    JsonFields f = JsonFields.of(OpsJson.parse(json), "", FIELDS);
    SmsRecord.Builder b = SmsRecord.builder()
        .faultId(f.requiredString("faultId"))
        .messageType(f.requiredEnum("messageType", MessageType.class))
        .sequence(f.optionalInt("sequence", 1).orElseThrow(() ->
            new InvalidInputException("sequence", "missing required field")))
        .templateId(rule(f, "templateId"))
        .nature(f.requiredEnum("nature", FaultNature.class))
        .callCenterFault(f.bool("callCenterFault"))
        .addAllBaseClasses(f.enums("baseClasses", RecipientClass.class))
        .addAllRecipientClasses(f.enums("recipientClasses", RecipientClass.class))
        .addAllRecipientIds(f.strings("recipientIds"));
    if (f.has("triggerRuleId")) {
      b.triggerRuleId(rule(f, "triggerRuleId"));
    }
    f.timestamp("dueAt").ifPresent(b::dueAt);
    for (String r : f.strings("baseRules")) {
      b.addBaseRules(rule(r, f.path("baseRules")));
    }
    f.string("author").ifPresent(b::author);
    f.enumValue("authorRole", Role.class).ifPresent(b::authorRole);
    f.node("content").ifPresent(n -> b.content(MessageContentJson.readStored(n, f.path("content"))));
    f.string("text").ifPresent(b::text);
    f.string("reviewer").ifPresent(b::reviewer);
    f.string("approvedText").ifPresent(b::approvedText);
    f.timestamp("approvedAt").ifPresent(b::approvedAt);
    f.string("lastRejection").ifPresent(b::lastRejection);
    f.string("sender").ifPresent(b::sender);
    f.timestamp("sentAt").ifPresent(b::sentAt);
    f.optionalObject("briefing", BRIEFING_FIELDS).ifPresent(bf -> {
      Briefing.Builder bb = Briefing.builder();
      bf.timestamp("teamLeaderInformedAt").ifPresent(bb::teamLeaderInformedAt);
      bf.timestamp("roomSupervisorInformedAt").ifPresent(bb::roomSupervisorInformedAt);
      bf.timestamp("roomManagerBriefedAt").ifPresent(bb::roomManagerBriefedAt);
      b.briefing(bb.build());
    });
    f.string("supersededBy").ifPresent(b::supersededBy);
    return b.build();
  }

  /** Writes what one event recorded, a flat map of names to texts, as compact JSON text (for the transition history). */
  @Override
  public String eventData(java.util.Map<String, String> data) {
    ObjectNode o = OpsJson.object();
    new java.util.TreeMap<>(data).forEach(o::put);
    return OpsJson.write(o);
  }

  private static RuleId rule(JsonFields f, String field) {
    return rule(f.requiredString(field), f.path(field));
  }

  private static RuleId rule(String text, String path) {
    try {
      return RuleId.of(text);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(path, e.reason());
    }
  }

  private static String ts(Instant t) {
    return Timestamps.format(t, ZoneOffset.UTC);
  }
}
