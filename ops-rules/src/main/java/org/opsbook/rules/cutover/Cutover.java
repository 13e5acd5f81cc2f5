package org.opsbook.rules.cutover;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.spi.WorkCalendar;

/**
 * What the owner states about an engineering cutover (rules-catalog §2.8): the system, the category, why, when it
 * starts, whether customers are affected, and the report and application contents prepared so far. What happens to
 * the cutover afterwards is in {@link CutoverRecord}. Absent facts take their neutral defaults. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * Cutover c = Cutover.builder().cutoverId("CO-12").system(CutoverSystem.BOSS)
 *     .category(CutoverCategory.SOFTWARE).trigger(CutoverTrigger.OM_NEED)
 *     .plannedStart(Instant.parse("2026-11-26T16:00:00Z")).affectsCustomerBusiness(true).build();
 * }</pre>
 */
@Value.Immutable
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    strictBuilder = false,
    depluralize = true)
public abstract class Cutover {
  /** The host's key of the cutover. */
  public abstract Optional<String> cutoverId();

  /** The system touched (CUTOVER-01). */
  public abstract Optional<CutoverSystem> system();

  /** Hardware, software or data modification (CUTOVER-02). */
  public abstract Optional<CutoverCategory> category();

  /** A superior's arrangement or operations need (CUTOVER-05). */
  public abstract Optional<CutoverTrigger> trigger();

  /** City- or province-managed (CUTOVER-07). */
  public abstract Optional<ProjectScope> projectScope();

  /** When the cutover starts (CUTOVER-23 counts back from its date). */
  public abstract Optional<Instant> plannedStart();

  /** When the application was completed and submitted through AMS, if it was (CUTOVER-23). */
  public abstract Optional<Instant> applicationSubmittedAt();

  /** 预计会影响到客户业务办理 (CUTOVER-07). */
  @Value.Default
  public boolean affectsCustomerBusiness() {
    return false;
  }

  /** 需要发布社会公告 (CUTOVER-12). */
  @Value.Default
  public boolean needsSocialAnnouncement() {
    return false;
  }

  /** What the report for the supervisor contains (CUTOVER-12). */
  public abstract Set<ReportContent> reportContents();

  /** What the AMS application contains (CUTOVER-24). */
  public abstract Set<ApplicationContent> applicationContents();

  /**
   * The related departments (相关部门): they countersign beside the IT centre (CUTOVER-06) and are among the
   * recipients of the notice before the start (CUTOVER-08).
   */
  public abstract Set<String> relatedDepartments();

  /** Returns true when the announcement through 行政服务中心 is required: customers are affected (CUTOVER-07). */
  public boolean announcementRequired() {
    return affectsCustomerBusiness();
  }

  /**
   * Returns the working day whose end is the application deadline of a cutover starting at {@code plannedStart}
   * (CUTOVER-23): {@code cutoverLeadWorkingDays} working days before its date.
   */
  public static LocalDate applicationDeadlineDay(Instant plannedStart, WorkCalendar calendar, OpsParameters params) {
    return calendar.minusWorkingDays(calendar.dateOf(checkNotNull(plannedStart, "plannedStart")),
        params.cutoverLeadWorkingDays());
  }

  /**
   * Returns the application deadline of a cutover starting at {@code plannedStart} (CUTOVER-23): 24:00 of
   * {@link #applicationDeadlineDay}, as an instant.
   */
  public static Instant applicationDeadline(Instant plannedStart, WorkCalendar calendar, OpsParameters params) {
    return applicationDeadlineDay(plannedStart, calendar, params).plusDays(1).atStartOfDay(calendar.zone())
        .toInstant();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these facts. */
  public Builder toBuilder() {
    return (Builder) new Builder().from(this);
  }

  /** Builds {@link Cutover} values; unset facts keep their neutral defaults. */
  public static final class Builder extends ImmutableCutover.Builder {}

  /** 市管项目 or 省管项目 (CUTOVER-07 applies to both alike). */
  public enum ProjectScope {
    /** 市管项目. */
    CITY_MANAGED,
    /** 省管项目. */
    PROVINCE_MANAGED
  }
}
