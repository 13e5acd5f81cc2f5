package org.opsbook.jdbc.audit;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.spi.AuditLog.AuditVerification;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.PersonIds;
import org.opsbook.core.internal.PersonalData;
import org.opsbook.core.spi.AuditLog;

/**
 * Builds the SOX export of DATAOP-MOD-18 from an audit log: for one data operation, or for every operation with
 * activity in a period, the whole chain in order with the 业务审批 → 技术审批 → 执行 → 复核 steps identified, the chain's
 * verification, the steps that are missing and any step out of order
 * ({@code businessApprovedAt <= techApprovedAt <= executedAt <= reviewedAt}). An extraction is held to the same four
 * steps (「所有数据管理操作」), its 业务审批 being 数据分析室's request (its {@code submit}, {@link SoxStep#of}). A
 * step that recorded a rule broken as it happened (an extraction run into peak hours, DATAOP-EXT-04, detail
 * {@code recordedViolation}) is listed among the trail's violations. Evidence is masked (phone numbers,
 * names) unless the caller passes {@link Access#CLEAR}. Works on any {@link AuditLog}. Thread-safe.
 *
 * <p>Separation of duties is checked on the people as the trail names them, compared by canonical ID
 * ({@link PersonIds#canonical}, so {@code Li}, {@code ｌｉ} and {@code li} are one person; an ID that has no canonical
 * form, such as Cyrillic {@code lі} or one with a zero-width space, is itself a violation): the reviewer of a batch or
 * important modification is none of its processors (DATAOP-MOD-14), the reviewer of a change its initiator executed is
 * not the initiator (DATAOP-MOD-12), the reviewer of an extraction is none of its processors (DATAOP-EXT-05).
 *
 * <p>Under {@link Access#MASKED} every value of the export that holds personal data is masked: actor IDs and person-ID
 * evidence as IDs ({@code li → l*}), name evidence as names, and in free text (SMS text, notes) phone and ID-card
 * numbers in any format and, given a directory's {@link Masking.Names}, its people's names.
 */
public final class SoxExport {
  /** The stream prefix of data modifications, as in {@code dataop:DM-42}. */
  public static final String DATAOP_PREFIX = "dataop:";

  /** Whether the caller may see personal data in clear. */
  public enum Access {
    /** Phone numbers and names masked: the default for auditors and logs. */
    MASKED,
    /** Everything in clear: only for a caller with the explicit right to personal data. */
    CLEAR
  }

  private final AuditLog log;
  private final Masking.Names names;

  /** Creates an export over {@code log} that masks phone and ID-card numbers, IDs and name evidence. */
  public SoxExport(AuditLog log) {
    this(log, Masking.names(List.of()));
  }

  /**
   * Creates an export over {@code log} that also masks {@code names} (e.g.
   * {@link org.opsbook.core.memory.InMemoryDirectory#masking()}) wherever they appear in free text.
   */
  public SoxExport(AuditLog log, Masking.Names names) {
    this.log = checkNotNull(log, "log");
    this.names = checkNotNull(names, "names");
  }

  /** Returns the trail of one operation's stream, e.g. {@code dataop:DM-42}. */
  public SoxReport forStream(String stream, Access access) {
    return new SoxReport(Optional.empty(), Optional.empty(), access, List.of(trail(stream, access)));
  }

  /**
   * Returns the trails of every stream starting with {@code streamPrefix} that has a record in {@code [from, to)}; each
   * trail is the stream's whole chain, so it verifies as stored.
   */
  public SoxReport forPeriod(Instant from, Instant to, String streamPrefix, Access access) {
    checkArgument(!to.isBefore(from), "period ends before it starts: %s .. %s", from, to);
    Set<String> streams = new LinkedHashSet<>();
    for (AuditRecord r : log.readPeriod(from, to)) {
      if (r.stream().startsWith(streamPrefix)) {
        streams.add(r.stream());
      }
    }
    List<SoxTrail> trails = new ArrayList<>();
    for (String s : streams) {
      trails.add(trail(s, access));
    }
    return new SoxReport(Optional.of(from), Optional.of(to), access, trails);
  }

  private SoxTrail trail(String stream, Access access) {
    AuditVerification verification = log.verify(stream);
    List<AuditRecord> records = log.read(stream);
    List<SoxTrail.Entry> entries = new ArrayList<>(records.size());
    Map<SoxStep, Instant> last = new EnumMap<>(SoxStep.class);
    SoxTrail.Kind kind = kindOf(records);
    List<String> recorded = new ArrayList<>();
    for (AuditRecord r : records) {
      Optional<SoxStep> step = SoxStep.of(kind, r.entry().action());
      String breach = r.entry().details().get("recordedViolation");
      if (breach != null) {
        recorded.add(breach + " (record " + r.sequence() + ")");
      }
      step.ifPresent(s -> last.put(s, r.entry().at()));
      boolean clear = access == Access.CLEAR;
      Map<String, String> details = clear ? r.entry().details()
          : PersonalData.maskedDetails(r.entry().details(), names);
      String actorId = clear ? r.entry().actorId() : PersonalData.maskedId(r.entry().actorId());
      entries.add(new SoxTrail.Entry(r.sequence(), r.entry().at(), actorId, r.entry().action(),
          r.entry().fromState(), r.entry().toState(), step, List.copyOf(r.entry().ruleIds()), details,
          r.previousHash(), r.hash()));
    }
    List<SoxStep> missing = new ArrayList<>();
    List<String> outOfOrder = new ArrayList<>();
    SoxStep previous = null;
    for (SoxStep s : SoxStep.values()) {
      Instant at = last.get(s);
      if (at == null) {
        if (kind.requires(s)) {
          missing.add(s);
        }
        continue;
      }
      if (previous != null && at.isBefore(last.get(previous))) {
        outOfOrder.add("DATAOP-MOD-18: " + s.label() + " (" + at + ") before " + previous.label() + " ("
            + last.get(previous) + ")");
      }
      previous = s;
    }
    outOfOrder.addAll(separationViolations(records, kind, access));
    outOfOrder.addAll(recorded);
    return new SoxTrail(stream, kind, verification, entries, last, missing, outOfOrder);
  }

  /** Events whose actor acts as 数据操作处理人 (writes, approves or runs the script). */
  private static final Set<String> PROCESSOR_EVENTS = Set.of("attachScriptAndBackup", "attachScript",
      "resubmitScript", "approveTechnical", "approveScript", "execute", "run");

  /**
   * DATAOP-MOD-14, DATAOP-MOD-12 and DATAOP-EXT-05 on the trail's people, by canonical ID; the reviewer is the actor
   * of the last passReview.
   */
  private static List<String> separationViolations(List<AuditRecord> records, SoxTrail.Kind kind, Access access) {
    List<String> out = new ArrayList<>();
    Set<String> processors = new LinkedHashSet<>();
    String initiator = null;
    String executor = null;
    String reviewer = null;
    String confirmer = null;
    boolean batchOrImportant = false;
    for (AuditRecord r : records) {
      String action = r.entry().action();
      String who = r.entry().actorId();
      String id;
      try {
        id = PersonIds.canonical("actorId", who);
      } catch (InvalidInputException e) {
        out.add("DATAOP-MOD-18: record " + r.sequence() + " names " + shown(who, access)
            + ", which is not a person ID in canonical form (" + e.reason() + ")");
        continue;
      }
      Map<String, String> d = r.entry().details();
      batchOrImportant |= "true".equals(d.get("batch")) || "true".equals(d.get("important"));
      if (action.equals("submit")) {
        initiator = id;
      }
      if (PROCESSOR_EVENTS.contains(action)) {
        processors.add(id);
      }
      if (action.equals("execute") || action.equals("run")) {
        executor = id;
      }
      if (action.equals("passReview")) {
        reviewer = id;
      }
      if (action.equals("confirmBusiness")) {
        confirmer = id;
      }
    }
    if (kind == SoxTrail.Kind.MODIFICATION && initiator != null && initiator.equals(executor)
        && initiator.equals(confirmer)) {
      out.add("DATAOP-MOD-12: the initiator " + shown(confirmer, access)
          + " executed the change and confirmed it for the business (自行验收)");
    }
    if (reviewer == null) {
      return out;
    }
    if (kind == SoxTrail.Kind.EXTRACTION && processors.contains(reviewer)) {
      out.add("DATAOP-EXT-05: the reviewer " + shown(reviewer, access) + " also acted as 数据操作处理人");
    }
    if (kind == SoxTrail.Kind.MODIFICATION && batchOrImportant && processors.contains(reviewer)) {
      out.add("DATAOP-MOD-14: the reviewer " + shown(reviewer, access)
          + " of a batch or important change also acted as 数据操作处理人");
    }
    if (kind == SoxTrail.Kind.MODIFICATION && initiator != null && initiator.equals(executor)
        && initiator.equals(reviewer)) {
      out.add("DATAOP-MOD-12: the initiator " + shown(reviewer, access) + " executed and reviewed the change");
    }
    return out;
  }

  private static String shown(String id, Access access) {
    return access == Access.CLEAR ? id : PersonalData.maskedId(id);
  }

  /** Extraction-only events of SM-DATAOP-EXT. */
  private static final Set<String> EXTRACTION_EVENTS = Set.of("assess", "attachScript", "approveScript", "run",
      "deliver");

  /** An extraction says so in its submission ({@code opType}) or shows it by its events. */
  private static SoxTrail.Kind kindOf(List<AuditRecord> records) {
    for (AuditRecord r : records) {
      if ("EXTRACTION".equals(r.entry().details().get("opType"))
          || EXTRACTION_EVENTS.contains(r.entry().action())) {
        return SoxTrail.Kind.EXTRACTION;
      }
    }
    return SoxTrail.Kind.MODIFICATION;
  }
}
