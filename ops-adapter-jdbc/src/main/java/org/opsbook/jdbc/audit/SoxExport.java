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
import org.opsbook.core.AuditVerification;
import org.opsbook.core.internal.PersonalData;
import org.opsbook.core.spi.AuditLog;

/**
 * Builds the SOX export of DATAOP-MOD-18 from an audit log: for one data operation, or for every operation with
 * activity in a period, the whole chain in order with the 业务审批 → 技术审批 → 执行 → 复核 steps identified, the chain's
 * verification, the steps that are missing and any step out of order
 * ({@code businessApprovedAt <= techApprovedAt <= executedAt <= reviewedAt}). An extraction is held to 技术审批 →
 * 执行 → 复核: the manual's extraction flow (§2.4.3.2 2、) has no business approval. Evidence is masked (phone numbers,
 * names) unless the caller passes {@link Access#CLEAR}. Works on any {@link AuditLog}. Thread-safe.
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

  /** Creates an export over {@code log}. */
  public SoxExport(AuditLog log) {
    this.log = checkNotNull(log, "log");
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
    for (AuditRecord r : records) {
      Optional<SoxStep> step = SoxStep.ofAction(r.entry().action());
      step.ifPresent(s -> last.put(s, r.entry().at()));
      Map<String, String> details = access == Access.CLEAR ? r.entry().details()
          : PersonalData.maskedDetails(r.entry().details());
      entries.add(new SoxTrail.Entry(r.sequence(), r.entry().at(), r.entry().actorId(), r.entry().action(),
          r.entry().fromState(), r.entry().toState(), step, List.copyOf(r.entry().ruleIds()), details,
          r.previousHash(), r.hash()));
    }
    SoxTrail.Kind kind = kindOf(records);
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
    return new SoxTrail(stream, kind, verification, entries, last, missing, outOfOrder);
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
