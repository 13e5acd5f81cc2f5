package org.opsbook.rules.esc;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.immutables.value.Value;
import org.opsbook.core.Actor;
import org.opsbook.core.Channel;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.internal.EventIds;
import org.opsbook.rules.esc.EscFault.EscHandler;
import org.opsbook.rules.esc.EscFault.SystemProblem;

/**
 * What an SM-ESC event records (rules-catalog §7.3, column "Must record"): every field is optional here; each
 * transition's guards demand the ones it needs, naming the rule, and an event given a field it does not record is
 * invalid input. {@link #facts()} may come with any event: the fault's new facts, folded into its history with the
 * step (its level follows them, FAULT-CLASS-DEF-07). Immutable.
 */
@Value.Immutable
public abstract class EscEventData {
  /**
   * Any event: the fault's new facts, recorded in its history with the step; classified, they may raise the peak
   * level (FAULT-CLASS-DEF-07). openFault: the initial facts.
   */
  public abstract Optional<FaultFacts> facts();

  /** openFault: the complaint ticket behind the fault (TICKET-11, TICKET-19). */
  public abstract Optional<String> linkedTicketId();

  /** declare: AMS故障申报单号 (ESC-HANDLE-08); also read from {@link #facts()}. */
  public abstract Optional<String> amsFaultNo();

  /** declare: when 省业务支撑中心's duty officer was told (ESC-HANDLE-08); also read from {@link #facts()}. */
  public abstract Optional<Instant> provinceDutyNotifiedAt();

  /** takeOwnership (by the monitor), handover, reassign: who becomes the owner (actor ID). */
  public abstract Optional<String> assigneeId();

  /**
   * The assignee as the host's directory knows them, roles included, once {@link #withPeopleFrom} resolved
   * {@link #assigneeId()}; empty as read from JSON or built by a caller. Not part of the step's recorded data (nor of
   * equality): the guards check with it that the assignee holds the handler role the step makes them owner as
   * (ESC-HANDLE-01, ESC-HANDLE-03).
   */
  @Value.Auxiliary
  public abstract Optional<Actor> assignee();

  /** takeOwnership (by the monitor), reassign: as A or B; A when not given (ESC-HANDLE-01). */
  public abstract Optional<EscHandler> assigneeHandler();

  /** takeOwnership, handover, reassign, reportAvailability: whether A is available now (ESC-HANDLE-03). */
  public abstract Optional<Boolean> handlerAAvailable();

  /** handover, reassign: the handover note (ESC-HANDLE-04). */
  public abstract Optional<String> handoverNote();

  /** escalateExternally: when the fault was reported to 省业务支撑中心 (ESC-HANDLE-02); also read from {@link #facts()}. */
  public abstract Optional<Instant> reportedToProvinceAt();

  /** escalateExternally: the AMS ticket to the developer (ESC-HANDLE-02); also read from {@link #facts()}. */
  public abstract Optional<String> amsDevTicketNo();

  /** escalateExternally: when the developer was told; the event's time when absent; also read from {@link #facts()}. */
  public abstract Optional<Instant> reportedToDeveloperAt();

  /** progressEntry: the conclusive summary (结论性总结, FAULT-GEN-09). */
  public abstract Optional<String> conclusion();

  /** progressEntry: whether the fault is a system problem (是否属系统问题, FAULT-GEN-09). */
  public abstract Optional<SystemProblem> systemProblem();

  /** progressEntry: where the entry is written; the ITC monitoring system when absent (FAULT-GEN-07). */
  public abstract Optional<Channel> channel();

  /** progressEntry: the handling type chosen in ITC (处理类型, FAULT-GEN-08). */
  public abstract Optional<String> handlingType();

  /** markRepaired: how the recovery was verified, e.g. a test or the customer's confirmation (SM-ESC-T07). */
  public abstract Optional<String> recoveryCheck();

  /** relapse: what recurred. */
  public abstract Optional<String> reason();

  /** filePostIncident: when the content went to the day's duty-log writer (ESC-REQ-10). */
  public abstract Optional<Instant> dutyLogDeliveredAt();

  /** filePostIncident: the fault handling report (故障处理报告, ESC-REQ-11). */
  public abstract Optional<String> faultReportRef();

  /** intervene: what the monitor did (ESC-HANDLE-05). */
  public abstract Optional<String> interventionNote();

  /** close: the week's major-fault summary the fault appears in (REPORT-FMT-01, ESC-REQ-11). */
  public abstract Optional<String> weeklySummaryRef();

  /**
   * Returns this data with the person it names as the host's directory knows them: the assignee who becomes the
   * fault's owner, by the ID they act under and with their roles ({@link #assignee()}; ESC-HANDLE-01, ESC-HANDLE-04).
   * A fault handed to an ID nobody holds would be owned by nobody who can write its progress or mark it repaired, and
   * one handed as A to someone who is not A would let B own it while A is available; a host engine resolves the
   * assignee here first.
   *
   * @param people the actor of a person ID, from the directory; throws {@link InvalidInputException} for an ID it
   *     does not know
   * @throws InvalidInputException naming {@code data.assigneeId} for an assignee the directory does not know
   */
  public EscEventData withPeopleFrom(Function<String, Actor> people) {
    if (assigneeId().isEmpty()) {
      return this;
    }
    Actor assignee = EventIds.known(people, assigneeId().get(), "assigneeId");
    return ((ImmutableEscEventData) ImmutableEscEventData.copyOf(this)).withAssigneeId(assignee.id())
        .withAssignee(assignee);
  }

  /** Returns the names of the fields given, sorted: what {@code Inputs.onlyRecorded} checks. */
  public SortedSet<String> presentFields() {
    SortedSet<String> f = new TreeSet<>(details().keySet());
    facts().ifPresent(v -> f.add("facts"));
    return f;
  }

  /**
   * Returns the recorded values as text, by field name, for the audit entry; the facts are left out (the audit
   * entry states the level they give). Free text may hold personal data.
   */
  public Map<String, String> details() {
    Map<String, String> d = new TreeMap<>();
    linkedTicketId().ifPresent(v -> d.put("linkedTicketId", v));
    amsFaultNo().ifPresent(v -> d.put("amsFaultNo", v));
    provinceDutyNotifiedAt().ifPresent(v -> d.put("provinceDutyNotifiedAt", v.toString()));
    assigneeId().ifPresent(v -> d.put("assigneeId", v));
    assigneeHandler().ifPresent(v -> d.put("assigneeHandler", v.name()));
    handlerAAvailable().ifPresent(v -> d.put("handlerAAvailable", v.toString()));
    handoverNote().ifPresent(v -> d.put("handoverNote", v));
    reportedToProvinceAt().ifPresent(v -> d.put("reportedToProvinceAt", v.toString()));
    amsDevTicketNo().ifPresent(v -> d.put("amsDevTicketNo", v));
    reportedToDeveloperAt().ifPresent(v -> d.put("reportedToDeveloperAt", v.toString()));
    conclusion().ifPresent(v -> d.put("conclusion", v));
    systemProblem().ifPresent(v -> d.put("systemProblem", v.name()));
    channel().ifPresent(v -> d.put("channel", v.name()));
    handlingType().ifPresent(v -> d.put("handlingType", v));
    recoveryCheck().ifPresent(v -> d.put("recoveryCheck", v));
    reason().ifPresent(v -> d.put("reason", v));
    dutyLogDeliveredAt().ifPresent(v -> d.put("dutyLogDeliveredAt", v.toString()));
    faultReportRef().ifPresent(v -> d.put("faultReportRef", v));
    interventionNote().ifPresent(v -> d.put("interventionNote", v));
    weeklySummaryRef().ifPresent(v -> d.put("weeklySummaryRef", v));
    return d;
  }

  @Override
  public String toString() {
    Map<String, String> d = details();
    d.replaceAll((k, v) -> Masking.phonesIn(v));
    d.computeIfPresent("assigneeId", (k, v) -> Masking.name(v));
    return "EscEventData" + d + (facts().isPresent() ? " with facts" : "");
  }

  /** Returns an empty record (for events that record nothing). */
  public static EscEventData empty() {
    return builder().build();
  }

  /** Canonical person IDs ({@link org.opsbook.core.PersonIds}): one person, one ID in every guard. */
  @Value.Check
  protected EscEventData canonicalIds() {
    if (EventIds.isCanonical(assigneeId())) {
      return this;
    }
    return ((ImmutableEscEventData) ImmutableEscEventData.copyOf(this))
        .withAssigneeId(EventIds.canonical("assigneeId", assigneeId()));
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EscEventData}. */
  public static final class Builder extends ImmutableEscEventData.Builder {}
}
