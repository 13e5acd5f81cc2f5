package org.opsbook.rules.bug;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.immutables.value.Value;
import org.opsbook.core.RuleId;
import org.opsbook.core.Masking;
import org.opsbook.core.internal.EventIds;
import org.opsbook.rules.bug.BugTicket.NoticeChannel;
import java.util.function.Function;
import org.opsbook.core.Actor;
import org.opsbook.core.InvalidInputException;

/**
 * What an SM-BUG event records (rules-catalog §11.1, column "Must record"): every field is optional here, and each
 * transition's guards demand the ones it needs, naming the rule. Immutable.
 */
@Value.Immutable
public abstract class BugEventData {
  /** raiseBug: 问题描述. */
  public abstract Optional<String> description();

  /** raiseBug: the complaint numbers (personal data). */
  public abstract List<String> complaintNumbers();

  /** raiseBug: the complaint issue. */
  public abstract Optional<String> complaintIssue();

  /** raiseBug: the complaint ticket behind it. */
  public abstract Optional<String> linkedTicketId();

  /** raiseBug: the escalated fault behind it. */
  public abstract Optional<String> linkedFaultId();

  /** submitAms: AMS单号 (BUG-03). */
  public abstract Optional<String> amsBugTicketNo();

  /** provinceAssigned: whether 省业支's re-check accepted the BUG. */
  public abstract Optional<Boolean> recheckAccepted();

  /** provinceAssigned: the developer. */
  public abstract Optional<String> developer();

  /** publishNotice: the channels posted on (BUG-04). */
  public abstract Set<NoticeChannel> channels();

  /** publishNotice: 预计上载时间. */
  public abstract Optional<Instant> uploadEta();

  /** publishNotice: 应急处理方法 (BUG-12). */
  public abstract Optional<String> workaround();

  /** publishNotice: who agreed for 运营管理室 (BUG-10). */
  public abstract Optional<String> opsRoomAgreedBy();

  /** publishNotice: who agreed for 支持维护室 (BUG-10). */
  public abstract Optional<String> supportRoomAgreedBy();

  /** raiseCollab: CMCP协作单号. */
  public abstract Optional<String> cmcpCollabTicketNo();

  /** raiseCollab: 转支持维护室的单号, once the supervisor forwarded it. */
  public abstract Optional<String> supportRoomTicketNo();

  /** assessImpact: customers affected. */
  public abstract OptionalInt bugAffectedCustomers();

  /** assessImpact: the customer-service complaint level it caused. */
  public abstract OptionalInt csComplaintLevel();

  /** assessImpact: overrides the BUG-06 default of 「一般需上载紧急版本」. */
  public abstract Optional<Boolean> needsEmergencyRelease();

  /** assessImpact: the BUG needs a data repair (BUG-13). */
  public abstract Optional<Boolean> needsDataFix();

  /** developerReplied: the reply. */
  public abstract Optional<String> reply();

  /** developerReplied: the version of the fix. */
  public abstract Optional<String> version();

  /** rejectAcceptance: why acceptance failed (BUG-09). */
  public abstract Optional<String> reason();

  /** acceptAndUpload: acceptance passed. */
  public abstract Optional<Boolean> acceptancePassed();

  /** acceptAndUpload: the fix is uploaded. */
  public abstract Optional<Boolean> uploaded();

  /** closeWeekly: the weekly summary (REPORT-FMT-02) the BUG appears in. */
  public abstract Optional<String> weeklySummaryRef();

  /** weeklyUpdate: what was updated. */
  public abstract Optional<String> updateText();

  /** needDataFix: the data-modification workflow's ID (BUG-13). */
  public abstract Optional<String> dataOpId();

  /** Returns the recorded values as text, by field name, for the audit entry (may hold personal data). */
  public Map<String, String> details() {
    Map<String, String> d = new TreeMap<>();
    description().ifPresent(v -> d.put("description", v));
    if (!complaintNumbers().isEmpty()) {
      d.put("complaintNumbers", String.join(",", complaintNumbers()));
    }
    complaintIssue().ifPresent(v -> d.put("complaintIssue", v));
    linkedTicketId().ifPresent(v -> d.put("linkedTicketId", v));
    linkedFaultId().ifPresent(v -> d.put("linkedFaultId", v));
    amsBugTicketNo().ifPresent(v -> d.put("amsBugTicketNo", v));
    recheckAccepted().ifPresent(v -> d.put("recheckAccepted", v.toString()));
    developer().ifPresent(v -> d.put("developer", v));
    if (!channels().isEmpty()) {
      d.put("channels", channels().stream().map(Enum::name).sorted().toList().toString());
    }
    uploadEta().ifPresent(v -> d.put("uploadEta", v.toString()));
    workaround().ifPresent(v -> d.put("workaround", v));
    opsRoomAgreedBy().ifPresent(v -> d.put("opsRoomAgreedBy", v));
    supportRoomAgreedBy().ifPresent(v -> d.put("supportRoomAgreedBy", v));
    cmcpCollabTicketNo().ifPresent(v -> d.put("cmcpCollabTicketNo", v));
    supportRoomTicketNo().ifPresent(v -> d.put("supportRoomTicketNo", v));
    bugAffectedCustomers().ifPresent(v -> d.put("bugAffectedCustomers", Integer.toString(v)));
    csComplaintLevel().ifPresent(v -> d.put("csComplaintLevel", Integer.toString(v)));
    needsEmergencyRelease().ifPresent(v -> d.put("needsEmergencyRelease", v.toString()));
    needsDataFix().ifPresent(v -> d.put("needsDataFix", v.toString()));
    reply().ifPresent(v -> d.put("reply", v));
    version().ifPresent(v -> d.put("version", v));
    reason().ifPresent(v -> d.put("reason", v));
    acceptancePassed().ifPresent(v -> d.put("acceptancePassed", v.toString()));
    uploaded().ifPresent(v -> d.put("uploaded", v.toString()));
    weeklySummaryRef().ifPresent(v -> d.put("weeklySummaryRef", v));
    updateText().ifPresent(v -> d.put("updateText", v));
    dataOpId().ifPresent(v -> d.put("dataOpId", v));
    return d;
  }

  @Override
  public String toString() {
    Map<String, String> d = details();
    d.replaceAll((k, v) -> k.equals("complaintNumbers") ? String.join(",",
        complaintNumbers().stream().map(Masking::phone).toList()) : Masking.phonesIn(v));
    d.computeIfPresent("opsRoomAgreedBy", (k, v) -> Masking.name(v));
    d.computeIfPresent("supportRoomAgreedBy", (k, v) -> Masking.name(v));
    return "BugEventData" + d;
  }

  /** Returns an empty record (for events that record nothing). */
  public static BugEventData empty() {
    return builder().build();
  }

  /** Canonical person IDs ({@link org.opsbook.core.PersonIds}): one person, one ID in every guard. */
  /**
   * Returns this data with the people it names as the host's directory knows them, by the IDs they hold: who agreed
   * a notice for 运营管理室 and who for 支持维护室 (BUG-10). Two IDs nobody holds, or one person's two IDs, would pass
   * for two colleagues' agreement; a host engine resolves them here first.
   *
   * @param people the actor of a person ID, from the directory; throws {@link InvalidInputException} for an ID it
   *     does not know
   * @throws InvalidInputException naming {@code data.opsRoomAgreedBy} or {@code data.supportRoomAgreedBy} for a
   *     person the directory does not know, or whose organisation is not the room they agreed for (BUG-10:
   *     「需要运营管理室与支持维护室同事协商后发布」)
   */
  public BugEventData withPeopleFrom(Function<String, Actor> people) {
    ImmutableBugEventData out = (ImmutableBugEventData) ImmutableBugEventData.copyOf(this);
    if (opsRoomAgreedBy().isPresent()) {
      out = out.withOpsRoomAgreedBy(ofRoom(EventIds.known(people, opsRoomAgreedBy().get(), "opsRoomAgreedBy"),
          "运营管理室", "opsRoomAgreedBy"));
    }
    if (supportRoomAgreedBy().isPresent()) {
      out = out.withSupportRoomAgreedBy(ofRoom(EventIds.known(people, supportRoomAgreedBy().get(),
          "supportRoomAgreedBy"), "支持维护室", "supportRoomAgreedBy"));
    }
    return out;
  }

  /** Returns the person's ID once the directory places them in {@code room}: a room agrees through its own staff. */
  private static String ofRoom(Actor person, String room, String field) {
    if (!person.org().filter(room::equals).isPresent()) {
      throw new InvalidInputException("data." + field, Masking.name(person.id()) + " of "
          + person.org().orElse("no organisation") + " cannot agree the notice for " + room
          + " (运营管理室与支持维护室同事协商后发布)", RuleId.of("BUG-10"));
    }
    return person.id();
  }

  @Value.Check
  protected BugEventData canonicalIds() {
    if (EventIds.isCanonical(developer()) && EventIds.isCanonical(opsRoomAgreedBy())
        && EventIds.isCanonical(supportRoomAgreedBy())) {
      return this;
    }
    return ((ImmutableBugEventData) ImmutableBugEventData.copyOf(this))
        .withDeveloper(EventIds.canonical("developer", developer()))
        .withOpsRoomAgreedBy(EventIds.canonical("opsRoomAgreedBy", opsRoomAgreedBy()))
        .withSupportRoomAgreedBy(EventIds.canonical("supportRoomAgreedBy", supportRoomAgreedBy()));
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link BugEventData}. */
  public static final class Builder extends ImmutableBugEventData.Builder {}
}
