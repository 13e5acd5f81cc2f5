package org.opsbook.rules.esc;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;
import org.opsbook.core.Actor;
import org.opsbook.core.IntakeChannel;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Level;
import org.opsbook.core.Masking;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;

/**
 * A fault's lifecycle as SM-ESC sees it (rules-catalog §7.3, facts of §2.1): its state, its owner (A or B) and A's
 * availability, the peak level, and what its steps recorded. Folded from the fault's own history with its facts,
 * levels and duties ({@code FaultTracker.lifecycle()}); hosts read it.
 * Structurally B never owns it while A is available (ESC-HANDLE-03). Its {@code toString()} masks names.
 * Immutable.
 */
@Value.Immutable
public abstract class EscFault {
  /** The fault's ID. */
  public abstract String faultId();

  /** The state in SM-ESC. */
  public abstract EscState state();

  /** When the record was opened (SM-ESC-T01). */
  public abstract Instant openedAt();

  /** Who opened it: the actor's ID. */
  public abstract String openedBy();

  /** When the IT centre learned of the fault; the opening when the facts did not say. */
  public abstract Instant detectedAt();

  /** 故障时间: when the fault began, if known. */
  public abstract Optional<Instant> faultStartTime();

  /** How the fault came in (ESC-HANDLE-07). */
  public abstract Optional<IntakeChannel> intakeChannel();

  /** 自行发现的故障 (ESC-HANDLE-08). */
  @Value.Default
  public boolean selfDiscovered() {
    return false;
  }

  /** The complaint ticket the fault was opened from (TICKET-11, TICKET-19). */
  public abstract Optional<String> linkedTicketId();

  /** The highest level the fault reached (FAULT-CLASS-DEF-07); it never goes down. */
  @Value.Default
  public Level peakLevel() {
    return Level.NONE;
  }

  /** AMS故障申报单号 (ESC-HANDLE-08). */
  public abstract Optional<String> amsFaultNo();

  /** When 省业务支撑中心's duty officer was told (ESC-HANDLE-08). */
  public abstract Optional<Instant> provinceDutyNotifiedAt();

  /** When it was declared (SM-ESC-T02). */
  public abstract Optional<Instant> declaredAt();

  /** Who owns it, A or B, and which person (ESC-HANDLE-01); empty before SM-ESC-T03. */
  public abstract Optional<EscOwner> ownership();

  /** Since when the current owner owns it. */
  public abstract Optional<Instant> ownerSince();

  /** Whether A is available (ESC-HANDLE-03); true until reported otherwise. */
  @Value.Default
  public boolean handlerAAvailable() {
    return true;
  }

  /** How many A↔B handovers took place (ESC-HANDLE-04). */
  @Value.Default
  public int handovers() {
    return 0;
  }

  /** The note of the last handover (ESC-HANDLE-04). */
  public abstract Optional<String> lastHandoverNote();

  /** When the fault was reported to 省业务支撑中心 (ESC-HANDLE-02). */
  public abstract Optional<Instant> reportedToProvinceAt();

  /** The AMS ticket to the developer (ESC-HANDLE-02). */
  public abstract Optional<String> amsDevTicketNo();

  /** When the developer was told (ESC-HANDLE-02). */
  public abstract Optional<Instant> reportedToDeveloperAt();

  /** How many progress entries were written (SM-ESC-T06). */
  @Value.Default
  public int progressEntries() {
    return 0;
  }

  /** When the last progress entry was written. */
  public abstract Optional<Instant> lastProgressAt();

  /** The last entry's conclusion (FAULT-GEN-09). */
  public abstract Optional<String> lastConclusion();

  /** The last entry's verdict on 是否属系统问题 (FAULT-GEN-09). */
  public abstract Optional<SystemProblem> lastSystemProblem();

  /** When it was repaired; empty while unrepaired, and again after a relapse. */
  public abstract Optional<Instant> repairedAt();

  /** How the last recovery was verified (SM-ESC-T07). */
  public abstract Optional<String> recoveryCheck();

  /** How often it relapsed (SM-ESC-T08); each relapse is a new occurrence (REPORT-COUNT-01). */
  @Value.Default
  public int relapses() {
    return 0;
  }

  /** When it last relapsed. */
  public abstract Optional<Instant> lastRelapseAt();

  /** When the content went to the day's duty-log writer (ESC-REQ-10). */
  public abstract Optional<Instant> dutyLogDeliveredAt();

  /** The fault handling report (ESC-REQ-11). */
  public abstract Optional<String> faultReportRef();

  /** When the post-incident duties were filed (SM-ESC-T09). */
  public abstract Optional<Instant> postIncidentAt();

  /** How often the monitor intervened (ESC-HANDLE-05). */
  @Value.Default
  public int interventions() {
    return 0;
  }

  /** The monitor's last intervention note. */
  public abstract Optional<String> lastInterventionNote();

  /** The week's major-fault summary it was closed in (REPORT-FMT-01). */
  public abstract Optional<String> weeklySummaryRef();

  /** When it was closed (SM-ESC-T11). */
  public abstract Optional<Instant> closedAt();

  /** Returns which handler owns it, A or B; empty before SM-ESC-T03. */
  public Optional<EscHandler> owner() {
    return ownership().map(EscOwner::handler);
  }

  /** Returns the owner's actor ID; empty before SM-ESC-T03. */
  public Optional<String> ownerId() {
    return ownership().map(EscOwner::id);
  }

  /** Returns true when {@code actorId} is the current owner. */
  public boolean isOwnedBy(String actorId) {
    return ownerId().map(id -> id.equals(actorId)).orElse(false);
  }

  /**
   * Returns the lifecycle after a step of the fault's history, as the fold applies it: {@code recorded} is what the
   * step recorded (its owner resolved when it changes owner), {@code state} the state the declared table leaves,
   * {@code peak} the fault's peak level after it. Hosts read lifecycles; the fold builds them.
   */
  public EscFault after(EscEvent event, EscEventData recorded, Instant at, EscState state, Level peak) {
    ImmutableEscFault f = (ImmutableEscFault) this;
    ImmutableEscFault after = switch (event) {
      case OPEN_FAULT -> f;
      case DECLARE -> f.withAmsFaultNo(recorded.amsFaultNo().or(this::amsFaultNo))
          .withProvinceDutyNotifiedAt(recorded.provinceDutyNotifiedAt().or(this::provinceDutyNotifiedAt))
          .withDeclaredAt(at);
      case TAKE_OWNERSHIP, HANDOVER, REASSIGN, REPORT_AVAILABILITY -> owned(f, event, recorded, at);
      case ESCALATE_EXTERNALLY -> f.withReportedToProvinceAt(recorded.reportedToProvinceAt()
              .or(this::reportedToProvinceAt))
          .withAmsDevTicketNo(recorded.amsDevTicketNo().or(this::amsDevTicketNo))
          .withReportedToDeveloperAt(recorded.reportedToDeveloperAt().orElse(at));
      case PROGRESS_ENTRY -> f.withProgressEntries(progressEntries() + 1).withLastProgressAt(at)
          .withLastConclusion(recorded.conclusion()).withLastSystemProblem(recorded.systemProblem());
      case MARK_REPAIRED -> repairedAt().isPresent() ? f
          : f.withRepairedAt(at).withRecoveryCheck(recorded.recoveryCheck());
      case RELAPSE -> f.withRepairedAt(Optional.empty()).withRelapses(relapses() + 1).withLastRelapseAt(at);
      case FILE_POST_INCIDENT -> f.withDutyLogDeliveredAt(recorded.dutyLogDeliveredAt())
          .withFaultReportRef(recorded.faultReportRef()).withPostIncidentAt(at);
      case INTERVENE -> f.withInterventions(interventions() + 1)
          .withLastInterventionNote(recorded.interventionNote());
      case CLOSE -> f.withWeeklySummaryRef(recorded.weeklySummaryRef()).withClosedAt(at);
    };
    return after.withState(state).withPeakLevel(peak);
  }

  /** Returns this lifecycle at the fault's peak level {@code peak} (FAULT-CLASS-DEF-07). */
  public EscFault atPeak(Level peak) {
    return ((ImmutableEscFault) this).withPeakLevel(peak);
  }

  /** The ownership a decided step recorded: A's availability before the owner (ESC-HANDLE-03). */
  private static ImmutableEscFault owned(ImmutableEscFault f, EscEvent event, EscEventData recorded, Instant at) {
    boolean available = recorded.handlerAAvailable().orElse(f.handlerAAvailable());
    if (event == EscEvent.REPORT_AVAILABILITY || recorded.assigneeId().isEmpty()) {
      return f.withHandlerAAvailable(available);
    }
    EscOwner owner = new EscOwner(recorded.assigneeHandler().orElse(EscHandler.A), recorded.assigneeId().get());
    boolean switches = f.owner().map(h -> h != owner.handler()).orElse(false);
    ImmutableEscFault owned = available
        ? f.withOwnership(owner).withHandlerAAvailable(true)
        : f.withHandlerAAvailable(false).withOwnership(owner);
    if (f.ownership().filter(owner::equals).isEmpty()) {
      owned = owned.withOwnerSince(at);
    }
    if (event == EscEvent.HANDOVER || event == EscEvent.REASSIGN && switches) {
      owned = owned.withHandovers(f.handovers() + 1).withLastHandoverNote(recorded.handoverNote());
    }
    return owned;
  }

  @Value.Check
  protected void check() {
    if (faultId().isBlank()) {
      throw new InvalidInputException("faultId", "faultId must not be blank");
    }
    if (state() == EscState.NEW) {
      throw new InvalidInputException("state", "a stored fault is at least DETECTED");
    }
    if (owner().filter(h -> h == EscHandler.B).isPresent() && handlerAAvailable()) {
      throw new InvalidInputException("owner", "B owns a fault only while A is unavailable",
          RuleId.of("ESC-HANDLE-03"));
    }
    nonNegative("handovers", handovers());
    nonNegative("progressEntries", progressEntries());
    nonNegative("relapses", relapses());
    nonNegative("interventions", interventions());
  }

  private static void nonNegative(String field, int value) {
    if (value < 0) {
      throw new InvalidInputException(field, field + " must be >= 0: " + value);
    }
  }

  @Override
  public String toString() {
    return "EscFault{faultId=" + faultId() + ", state=" + state() + ", peakLevel=" + peakLevel() + ", owner="
        + ownership().map(EscOwner::toString).orElse("-") + ", handlerAAvailable="
        + handlerAAvailable() + ", ams=" + amsFaultNo().orElse("-") + ", amsDev=" + amsDevTicketNo().orElse("-")
        + "}";
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EscFault} values (for codecs and tests; the workflow builds them otherwise). */
  public static final class Builder extends ImmutableEscFault.Builder {}

  /**
   * The states of SM-ESC (rules-catalog §7.3), plus {@link #NEW} for the ∅ that SM-ESC-T01 leaves. The catalog's
   * HANDLING with its sub-states SELF and WITH_DEVELOPER is two states here, so the table itself says that only a
   * fault handled in-house can be escalated to the province and the developer (SM-ESC-T05).
   */
  public enum EscState {
    /** ∅: before the fault record exists. Only SM-ESC-T01 leaves it; it is never stored. */
    NEW,
    /** Detected: the record is open, not yet declared. */
    DETECTED,
    /** Declared (in AMS for self-discovered faults, ESC-HANDLE-08); waiting for an owner. */
    DECLARED,
    /** Handled in-house by its owner, A or B. */
    HANDLING_SELF,
    /** Handled with the developer: reported to the province and dispatched in AMS (ESC-HANDLE-02). */
    HANDLING_WITH_DEVELOPER,
    /** Repaired (故障修复 / 恢复正常). */
    RECOVERED,
    /** The post-incident duties are filed (duty log, fault report). */
    POST_INCIDENT,
    /** Closed (terminal). */
    CLOSED;

    /** Returns true for the two HANDLING sub-states. */
    public boolean isHandling() {
      return this == HANDLING_SELF || this == HANDLING_WITH_DEVELOPER;
    }

    /** Returns true while the record exists and is not closed: where the monitor may intervene (ESC-HANDLE-05). */
    public boolean isOpen() {
      return this != NEW && this != CLOSED;
    }

    /** Returns true in the states where the fault has an owner: from SM-ESC-T03 on; a closed fault keeps its last. */
    public boolean hasOwner() {
      return isHandling() || this == RECOVERED || this == POST_INCIDENT || this == CLOSED;
    }
  }

  /**
   * The two escalated-fault handlers who may own a fault (ESC-HANDLE-01, ESC-HANDLE-03): A, the primary, and B, who
   * stands in while A is away. Quote: 「当升级投诉处理员(A角)不在时,B角需要承担起A角的职责」.
   */
  public enum EscHandler {
    /** 升级投诉处理员(A角): owns escalated faults by default (ESC-HANDLE-01). */
    A(Role.ESC_HANDLER_A),
    /** 升级投诉处理员(B角): owns a fault only while A is unavailable (ESC-HANDLE-03). */
    B(Role.ESC_HANDLER_B);

    private final Role role;

    EscHandler(Role role) {
      this.role = role;
    }

    /** Returns the role code of this handler. */
    public Role role() {
      return role;
    }

    /** Returns the other handler: the one an A↔B handover (ESC-HANDLE-04) passes the fault to. */
    public EscHandler other() {
      return this == A ? B : A;
    }

    /** Returns the handler {@code actor} is, A before B when the actor holds both roles; empty when neither. */
    public static Optional<EscHandler> of(Actor actor) {
      if (actor.roles().contains(Role.ESC_HANDLER_A)) {
        return Optional.of(A);
      }
      if (actor.roles().contains(Role.ESC_HANDLER_B)) {
        return Optional.of(B);
      }
      return Optional.empty();
    }
  }

  /**
   * Who owns a fault: a handler, A or B (ESC-HANDLE-01), and the person's actor ID.
   *
   * @param handler as which handler the person owns the fault
   * @param id the person's actor ID
   */
  public record EscOwner(EscHandler handler, String id) {
    /** Validates the parts. */
    public EscOwner {
      checkNotNull(handler, "handler");
      checkNotNull(id, "id");
      if (id.isBlank()) {
        throw new InvalidInputException("ownerId", "ownerId must not be blank");
      }
    }

    @Override
    public String toString() {
      return handler + ":" + Masking.name(id);
    }
  }

  /**
   * Whether a progress entry concludes that the fault is a system problem (FAULT-GEN-09). Quote:
   * 「要有结论性总结,如是否属系统问题等的清晰总结」.
   */
  public enum SystemProblem {
    /** 属系统问题. */
    YES,
    /** 不属系统问题. */
    NO,
    /** Not yet determined; still a conclusion the entry states. */
    UNDETERMINED
  }
}
