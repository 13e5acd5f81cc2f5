package org.opsbook.rules.cutover;

import java.util.function.Function;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.immutables.value.Value;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Actor;
import org.opsbook.core.Role;
import org.opsbook.core.internal.EventIds;
import org.opsbook.rules.internal.cutover.CutoverWorkflow;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * What one SM-CUTOVER event records: draft and report contents, the AMS application, the province's decision,
 * countersignatures, the announcement, the stakeholder notice, the meeting, arrival, checklists, important operations,
 * test results and archive references. Each event reads only its own fields ({@link CutoverWorkflow}). Immutable
 * and thread-safe.
 */
@Value.Immutable
public abstract class CutoverEventData {
  private static final CutoverEventData NONE = builder().build();

  /** Returns data that records nothing. */
  public static CutoverEventData none() {
    return NONE;
  }

  /** ownerReview: what the developer's draft report contains (CUTOVER-10). */
  public abstract Set<ReportContent> draftContents();

  /** ownerReview: the plan is feasible (切实可行, CUTOVER-11). */
  @Value.Default
  public boolean feasible() {
    return false;
  }

  /** ownerReview: the time was agreed with the business departments (CUTOVER-11). */
  @Value.Default
  public boolean businessTimeAgreed() {
    return false;
  }

  /** ownerReview: 综合部 was consulted about the announcement (CUTOVER-11). */
  @Value.Default
  public boolean generalAffairsConsulted() {
    return false;
  }

  /** approveReport: the report's contents, replacing the stated ones (CUTOVER-12). */
  public abstract Set<ReportContent> reportContents();

  /** applyViaAms: the application's contents, replacing the stated ones (CUTOVER-24). */
  public abstract Set<ApplicationContent> applicationContents();

  /** applyViaAms: the AMS application number (CUTOVER-05). */
  public abstract Optional<String> amsApplicationNo();

  /** provinceDecision: whether 省公司业务支撑中心 approved (CUTOVER-03). */
  public abstract Optional<Boolean> approved();

  /** countersign: who countersigned (CUTOVER-06). */
  public abstract Set<String> countersigners();

  /** countersign: how (CUTOVER-06). */
  public abstract Optional<CountersignMedium> countersignMedium();

  /** publishAnnouncement: the document sent to 行政服务中心 (CUTOVER-07). */
  public abstract Optional<String> announcementRef();

  /** publishAnnouncement: where it was published. */
  public abstract Optional<String> media();

  /** notifyStakeholders: who was told, every related department among them (CUTOVER-08). */
  public abstract Set<String> recipients();

  /** notifyStakeholders: the leader in charge (分管领导) was among them (CUTOVER-08). */
  @Value.Default
  public boolean leaderInChargeNotified() {
    return false;
  }

  /** notifyStakeholders: what the notice covered (CUTOVER-08: the time and the impact scope). */
  public abstract Set<ApplicationContent> noticeContents();

  /** preMeeting: the roles present (CUTOVER-13). */
  public abstract Set<Role> attendeeRoles();

  /** arrive: the owner holds the qualification (相应资质, CUTOVER-14). */
  @Value.Default
  public boolean leadQualified() {
    return false;
  }

  /** preCheck: the recorded checklist (CUTOVER-15). */
  public abstract Optional<String> preChecklistRef();

  /** preCheck: the equipment meets the cutover's conditions (CUTOVER-15). */
  @Value.Default
  public boolean preConditionsMet() {
    return false;
  }

  /** orderStart: every party is on site and ready (CUTOVER-16). */
  @Value.Default
  public boolean allPartiesPresent() {
    return false;
  }

  /** completeAndPostCheck: the important operations and their A/B pairs (CUTOVER-18). */
  public abstract List<ImportantOperation> importantOperations();

  /** completeAndPostCheck: the test and verification results (CUTOVER-19). */
  public abstract Optional<String> testResultsRef();

  /** completeAndPostCheck: the recorded post-checklist (CUTOVER-21). */
  public abstract Optional<String> postChecklistRef();

  /** completeAndPostCheck: the equipment runs normally (CUTOVER-21). */
  @Value.Default
  public boolean equipmentNormal() {
    return false;
  }

  /** completeAndPostCheck: the expected effect was achieved (CUTOVER-21). */
  @Value.Default
  public boolean expectedEffectAchieved() {
    return false;
  }

  /** invokeEmergencyPlan: why. */
  public abstract Optional<String> reason();

  /** invokeEmergencyPlan: the rollback steps taken. */
  public abstract Optional<String> rollbackSteps();

  /** archive: customer service's business-test results (CUTOVER-22). */
  public abstract Optional<String> csTestResultsRef();

  /** archive: the cutover process log (CUTOVER-09). */
  public abstract Optional<String> processLogRef();

  /** archive: the document archive (CUTOVER-09). */
  public abstract Optional<String> archiveRef();

  /**
   * relayComplaint: the customer complaints 客户服务中心 relayed during the cutover; resolveComplaint: the ones
   * resolved (CUTOVER-20). References only (e.g. the complaint ticket numbers), never the customers' numbers.
   */
  public abstract Set<String> complaintRefs();

  /**
   * completeAndPostCheck: where the work departed from the approved plan (既定的工程割接方案), each in a few words;
   * empty when it followed the plan (CUTOVER-17).
   */
  public abstract List<String> planDeviations();

  /** Returns a copy with {@code value} as the reason. */
  public abstract CutoverEventData withReason(Optional<String> value);

  /** Returns a copy with {@code value} as the rollback steps. */
  public abstract CutoverEventData withRollbackSteps(Optional<String> value);

  /** Returns a copy with {@code value} as the departures from the plan. */
  public abstract CutoverEventData withPlanDeviations(Iterable<String> value);

  /** Returns the names of the fields this data sets, sorted. */
  public SortedSet<String> presentFields() {
    SortedSet<String> f = new TreeSet<>();
    nonEmpty(f, "draftContents", draftContents());
    flag(f, "feasible", feasible());
    flag(f, "businessTimeAgreed", businessTimeAgreed());
    flag(f, "generalAffairsConsulted", generalAffairsConsulted());
    nonEmpty(f, "reportContents", reportContents());
    nonEmpty(f, "applicationContents", applicationContents());
    amsApplicationNo().ifPresent(v -> f.add("amsApplicationNo"));
    approved().ifPresent(v -> f.add("approved"));
    nonEmpty(f, "countersigners", countersigners());
    countersignMedium().ifPresent(v -> f.add("countersignMedium"));
    announcementRef().ifPresent(v -> f.add("announcementRef"));
    media().ifPresent(v -> f.add("media"));
    nonEmpty(f, "recipients", recipients());
    flag(f, "leaderInChargeNotified", leaderInChargeNotified());
    nonEmpty(f, "noticeContents", noticeContents());
    nonEmpty(f, "attendeeRoles", attendeeRoles());
    flag(f, "leadQualified", leadQualified());
    preChecklistRef().ifPresent(v -> f.add("preChecklistRef"));
    flag(f, "preConditionsMet", preConditionsMet());
    flag(f, "allPartiesPresent", allPartiesPresent());
    nonEmpty(f, "importantOperations", importantOperations());
    testResultsRef().ifPresent(v -> f.add("testResultsRef"));
    postChecklistRef().ifPresent(v -> f.add("postChecklistRef"));
    flag(f, "equipmentNormal", equipmentNormal());
    flag(f, "expectedEffectAchieved", expectedEffectAchieved());
    reason().ifPresent(v -> f.add("reason"));
    rollbackSteps().ifPresent(v -> f.add("rollbackSteps"));
    csTestResultsRef().ifPresent(v -> f.add("csTestResultsRef"));
    processLogRef().ifPresent(v -> f.add("processLogRef"));
    archiveRef().ifPresent(v -> f.add("archiveRef"));
    nonEmpty(f, "complaintRefs", complaintRefs());
    nonEmpty(f, "planDeviations", planDeviations());
    return f;
  }

  private static void nonEmpty(Set<String> f, String name, java.util.Collection<?> c) {
    if (!c.isEmpty()) {
      f.add(name);
    }
  }

  private static void flag(Set<String> f, String name, boolean v) {
    if (v) {
      f.add(name);
    }
  }

  /**
   * Returns this data with the people of its important operations as the host's directory knows them, by the IDs
   * they hold (CUTOVER-18: 「一人操作、一人监督」): two IDs nobody holds would pass for an operator and a different
   * watcher. A host engine resolves them here first.
   *
   * @param people the actor of a person ID, from the directory; throws {@link InvalidInputException} for an ID it
   *     does not know
   * @throws InvalidInputException naming {@code data.importantOperations[i].operatorId} or {@code …watcherId} for a
   *     person the directory does not know
   */
  public CutoverEventData withPeopleFrom(Function<String, Actor> people) {
    if (importantOperations().isEmpty()) {
      return this;
    }
    List<ImportantOperation> known = new ArrayList<>();
    for (int i = 0; i < importantOperations().size(); i++) {
      ImportantOperation op = importantOperations().get(i);
      String at = "importantOperations[" + i + "].";
      known.add(new ImportantOperation(op.description(),
          op.operatorId().filter(id -> !id.isBlank()).map(id -> EventIds.known(people, id, at + "operatorId").id()),
          op.watcherId().filter(id -> !id.isBlank()).map(id -> EventIds.known(people, id, at + "watcherId").id())));
    }
    return ((ImmutableCutoverEventData) ImmutableCutoverEventData.copyOf(this)).withImportantOperations(known);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CutoverEventData}; strict: each field is set once. */
  public static final class Builder extends ImmutableCutoverEventData.Builder {}

  /**
   * An important operation during the cutover and its A/B pair (CUTOVER-18: 「重要的操作必须“一人操作、一人监督”的双人“AB”角操作」).
   *
   * @param description what was done
   * @param operatorId who operated, if recorded
   * @param watcherId who supervised, if recorded
   */
  public record ImportantOperation(String description, Optional<String> operatorId, Optional<String> watcherId) {
    /**
     * Validates the parts and makes both IDs canonical ({@link org.opsbook.core.PersonIds#canonical}), so that one
     * person written two ways ({@code wu}, {@code WU}, full-width {@code ｗｕ}) is one person to CUTOVER-18.
     *
     * @throws org.opsbook.core.InvalidInputException naming {@code operatorId} or {@code watcherId} when an ID
     *     cannot be made canonical
     */
    public ImportantOperation {
      checkNotNull(description, "description");
      operatorId = EventIds.canonical("operatorId", checkNotNull(operatorId, "operatorId"));
      watcherId = EventIds.canonical("watcherId", checkNotNull(watcherId, "watcherId"));
    }

    /** Returns an operation done by {@code operatorId} under {@code watcherId}. */
    public static ImportantOperation of(String description, String operatorId, String watcherId) {
      return new ImportantOperation(description, Optional.ofNullable(operatorId), Optional.ofNullable(watcherId));
    }

    /** Returns true when both people are recorded and they are two different people (by canonical ID). */
    public boolean twoPeople() {
      return operatorId.isPresent() && watcherId.isPresent() && !operatorId.get().isBlank()
          && !watcherId.get().isBlank() && !operatorId.get().equals(watcherId.get());
    }
  }

  /** How the countersignature is collected (CUTOVER-06: 「通过无纸化审批系统填写割接审批单或发文的形式」). */
  public enum CountersignMedium {
    /** 割接审批单 in the 无纸化审批系统. */
    PAPERLESS_APPROVAL_FORM,
    /** 发文. */
    OFFICIAL_DOCUMENT
  }
}
