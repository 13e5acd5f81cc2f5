package org.opsbook.json.internal;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opsbook.core.RecipientClass;
import org.opsbook.json.OpsJson;
import org.opsbook.json.internal.Schema.Kind;
import org.opsbook.notify.Briefing;
import org.opsbook.notify.SmsRecord;
import org.opsbook.notify.SmsRecord.Builder;
import org.opsbook.notify.internal.workflow.SmsRecordFormat;

/**
 * The codec of an SM-SMS instance's data ({@link SmsRecord}) as stored in
 * {@link org.opsbook.core.spi.WorkflowRepository.WorkflowInstance#dataJson()}: one JSON object, timestamps in UTC, absent values left
 * out. Reading is strict, so data written by another version or edited by hand fails loudly, naming the field.
 * Installed in ops-notify through the service loader as its {@link SmsRecordFormat}.
 */
public final class SmsRecordJson implements SmsRecordFormat {
  private static final Schema<Briefing, Briefing.Builder> BRIEFING =
      Schema.of(Briefing::builder, Briefing.Builder::build)
      .derive(Briefing.class);

  /** The stored record. */
  public static final Schema<SmsRecord, Builder> SCHEMA = Schema.of(SmsRecord::builder, Builder::build)
      .kind("sequence", Kind.atLeast(1))
      .opt("callCenterFault", Kind.BOOL, r -> Optional.of(r.callCenterFault()), Builder::callCenterFault)
      .opt("baseClasses", Kind.listOf(Kind.of(RecipientClass.class)), r -> Optional.of(List.copyOf(r.baseClasses())),
          Builder::addAllBaseClasses)
      .opt("baseRules", Kind.listOf(Kind.RULE), r -> Optional.of(List.copyOf(r.baseRules())),
          Builder::addAllBaseRules)
      .opt("content", Kind.object(Documents.MESSAGE), SmsRecord::content, Builder::content)
      .opt("briefing", Kind.object(BRIEFING), SmsRecord::briefing, Builder::briefing)
      .opt("recipientClasses", Kind.listOf(Kind.of(RecipientClass.class)),
          r -> Optional.of(List.copyOf(r.recipientClasses())), Builder::addAllRecipientClasses)
      .opt("recipientIds", Kind.listOf(Kind.TEXT), r -> Optional.of(r.recipientIds()), Builder::addAllRecipientIds)
      .derive(SmsRecord.class);

  /** The JSON form, as the service loader creates it. */
  public SmsRecordJson() {}

  /** Writes {@code r} as compact JSON text. */
  @Override
  public String write(SmsRecord r) {
    return SCHEMA.print(r, ZoneOffset.UTC);
  }

  /**
   * Reads data written by {@link #write}.
   *
   * @throws org.opsbook.core.InvalidInputException naming the offending field when the text is not such data
   */
  @Override
  public SmsRecord read(String json) {
    return SCHEMA.parse(json);
  }

  /** Writes what one event recorded, a flat map of names to texts, as compact JSON text (for the transition history). */
  @Override
  public String eventData(Map<String, String> data) {
    return OpsJson.write(OpsJson.mapper().valueToTree(new TreeMap<>(data)));
  }
}
