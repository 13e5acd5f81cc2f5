package org.opsbook.rules.internal.cutover;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.RuleId;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.rules.cutover.ApplicationContent;
import org.opsbook.rules.cutover.Cutover;
import org.opsbook.rules.cutover.ReportContent;

/**
 * The cutover's lead time and content rules over a working-day calendar. Immutable and thread-safe.
 *
 * <ul>
 *   <li>CUTOVER-23 「业务支撑系统工程割接负责人必须至少提前三个工作日完成割接的申请工作」: the deadline is 24:00 of the
 *       {@code cutoverLeadWorkingDays}-th working day before the cutover's date, counted on the calendar with its
 *       holidays and make-up days; on time means submitted at or before it. A cutover on Thursday is applied for by
 *       the end of Monday.</li>
 *   <li>CUTOVER-12: the report holds 割接方案、割接应急预案、割接拨测列表、割接时间、割接影响、申请工程割接的依据、系统割接申请(公文),
 *       and 拟好的社会公告 when a social announcement is needed.</li>
 *   <li>CUTOVER-24: the application holds 割接时间、割接方案、割接人员、影响范围 (the source is cut off there; the list is a
 *       parameter of this class).</li>
 *   <li>CUTOVER-07: when customers' business is affected, 行政服务中心 publishes an announcement.</li>
 * </ul>
 */
public final class CutoverRules {
  /** CUTOVER-07. */
  public static final RuleId CUTOVER_07 = RuleId.of("CUTOVER-07");
  /** CUTOVER-12. */
  public static final RuleId CUTOVER_12 = RuleId.of("CUTOVER-12");
  /** CUTOVER-23. */
  public static final RuleId CUTOVER_23 = RuleId.of("CUTOVER-23");
  /** CUTOVER-24. */
  public static final RuleId CUTOVER_24 = RuleId.of("CUTOVER-24");

  /** The application contents CUTOVER-24 requires by default: the four items the source lists. */
  public static final Set<ApplicationContent> DEFAULT_APPLICATION_CONTENTS = ImmutableSet.of(
      ApplicationContent.TIME, ApplicationContent.PLAN, ApplicationContent.PERSONNEL, ApplicationContent.IMPACT_SCOPE);

  private static final Set<ReportContent> REPORT_CONTENTS = ImmutableSet.copyOf(
      EnumSet.range(ReportContent.PLAN, ReportContent.SYSTEM_CUTOVER_APPLICATION_DOC));

  private final WorkCalendar calendar;
  private final OpsParameters params;
  private final Set<ApplicationContent> requiredApplication;

  /** Creates the rules with the default application contents. */
  public CutoverRules(WorkCalendar calendar, OpsParameters params) {
    this(calendar, params, DEFAULT_APPLICATION_CONTENTS);
  }

  /**
   * Creates the rules.
   *
   * @param calendar the working days CUTOVER-23 counts
   * @param params {@code cutoverLeadWorkingDays}
   * @param requiredApplication what the application must contain (the source's list is truncated, OQ-01)
   */
  public CutoverRules(WorkCalendar calendar, OpsParameters params, Set<ApplicationContent> requiredApplication) {
    this.calendar = checkNotNull(calendar, "calendar");
    this.params = checkNotNull(params, "params");
    checkArgument(!requiredApplication.isEmpty(), "the application requires something");
    this.requiredApplication = ImmutableSet.copyOf(requiredApplication);
  }

  /** Returns the calendar. */
  public WorkCalendar calendar() {
    return calendar;
  }

  /**
   * Returns the application deadline for a cutover starting at {@code plannedStart} (CUTOVER-23): 24:00 of the
   * working day {@code cutoverLeadWorkingDays} working days before its date, as an instant.
   */
  public Instant applicationDeadline(Instant plannedStart) {
    return Cutover.applicationDeadline(plannedStart, calendar, params);
  }

  /** Returns the working day whose end is the application deadline (CUTOVER-23). */
  public LocalDate deadlineDay(Instant plannedStart) {
    return Cutover.applicationDeadlineDay(plannedStart, calendar, params);
  }

  /** Returns true when the application submitted at {@code submittedAt} (empty: not yet) meets CUTOVER-23. */
  public boolean leadTimeOk(Instant plannedStart, Optional<Instant> submittedAt) {
    Instant deadline = applicationDeadline(plannedStart);
    return submittedAt.filter(t -> !t.isAfter(deadline)).isPresent();
  }

  /** Returns what the report lacks (CUTOVER-12), in catalog order. */
  public List<ReportContent> missingReportContents(Set<ReportContent> given, boolean needsSocialAnnouncement) {
    List<ReportContent> missing = new ArrayList<>();
    for (ReportContent c : ReportContent.values()) {
      boolean required = REPORT_CONTENTS.contains(c)
          || (c == ReportContent.DRAFT_SOCIAL_ANNOUNCEMENT && needsSocialAnnouncement);
      if (required && !given.contains(c)) {
        missing.add(c);
      }
    }
    return missing;
  }

  /** Returns what the application lacks (CUTOVER-24), in catalog order. */
  public List<ApplicationContent> missingApplicationContents(Set<ApplicationContent> given) {
    List<ApplicationContent> missing = new ArrayList<>();
    for (ApplicationContent c : ApplicationContent.values()) {
      if (requiredApplication.contains(c) && !given.contains(c)) {
        missing.add(c);
      }
    }
    return missing;
  }

  /**
   * Checks a cutover's lead time and contents.
   *
   * @throws InvalidInputException naming {@code plannedStart} when it is absent
   */
  public CutoverReadiness check(Cutover c) {
    Instant start = c.plannedStart().orElseThrow(
        () -> new InvalidInputException("plannedStart", "missing required field", CUTOVER_23));
    boolean onTime = leadTimeOk(start, c.applicationSubmittedAt());
    List<ReportContent> report = missingReportContents(c.reportContents(), c.needsSocialAnnouncement());
    List<ApplicationContent> application = missingApplicationContents(c.applicationContents());
    SortedSet<RuleId> violations = new TreeSet<>();
    if (!report.isEmpty()) {
      violations.add(CUTOVER_12);
    }
    if (!onTime) {
      violations.add(CUTOVER_23);
    }
    if (!application.isEmpty()) {
      violations.add(CUTOVER_24);
    }
    return new CutoverReadiness(applicationDeadline(start), params.cutoverLeadWorkingDays(), onTime, report,
        application, c.announcementRequired(), violations);
  }
}
