package org.opsbook.rules.internal.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.RuleId;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.cutover.ApplicationContent;
import org.opsbook.rules.cutover.Cutover;
import org.opsbook.rules.cutover.ReportContent;

class CutoverRulesTest {
  private static final CutoverRules WEEKDAYS = new CutoverRules(StandardWorkCalendar.weekdays(),
      OpsParameters.defaults());

  private static Instant at(int y, int m, int d, int h, int min) {
    return ZonedDateTime.of(y, m, d, h, min, 0, 0, StandardWorkCalendar.SHANGHAI).toInstant();
  }

  @DisplayName("CUTOVER-23 a thursday cutover is applied for by the end of monday")
  @Test
  void cutover23AThursdayCutoverIsAppliedForByTheEndOfMonday() {
    Instant thursday = at(2026, 11, 26, 22, 0);
    assertThat(WEEKDAYS.deadlineDay(thursday)).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(WEEKDAYS.applicationDeadline(thursday)).isEqualTo(at(2026, 11, 24, 0, 0));
  }

  @DisplayName("CUTOVER-23 the deadline a host reads on the cutover is the rules' deadline")
  @Test
  void cutover23TheDeadlineAHostReadsOnTheCutoverIsTheRulesDeadline() {
    Instant thursday = at(2026, 11, 26, 22, 0);
    OpsParameters p = OpsParameters.defaults();
    assertThat(Cutover.applicationDeadlineDay(thursday, StandardWorkCalendar.weekdays(), p))
        .isEqualTo(LocalDate.of(2026, 11, 23)).isEqualTo(WEEKDAYS.deadlineDay(thursday));
    assertThat(Cutover.applicationDeadline(thursday, StandardWorkCalendar.weekdays(), p))
        .isEqualTo(at(2026, 11, 24, 0, 0)).isEqualTo(WEEKDAYS.applicationDeadline(thursday));
  }

  @DisplayName("CUTOVER-23 deadline boundary is inclusive at 2400")
  @Test
  void cutover23DeadlineBoundaryIsInclusiveAt2400() {
    Instant thursday = at(2026, 11, 26, 9, 0);
    Instant deadline = at(2026, 11, 24, 0, 0);
    assertThat(WEEKDAYS.leadTimeOk(thursday, Optional.of(deadline.minusSeconds(1)))).isTrue();
    assertThat(WEEKDAYS.leadTimeOk(thursday, Optional.of(deadline))).isTrue();
    assertThat(WEEKDAYS.leadTimeOk(thursday, Optional.of(deadline.plusSeconds(1)))).isFalse();
    assertThat(WEEKDAYS.leadTimeOk(thursday, Optional.empty())).isFalse();
  }

  @DisplayName("CUTOVER-23 counts working days skipping the weekend")
  @Test
  void cutover23CountsWorkingDaysSkippingTheWeekend() {
    Instant tuesday = at(2026, 12, 1, 10, 0);
    assertThat(WEEKDAYS.deadlineDay(tuesday)).isEqualTo(LocalDate.of(2026, 11, 26));
    Instant sunday = at(2026, 11, 29, 2, 0);
    assertThat(WEEKDAYS.deadlineDay(sunday)).isEqualTo(LocalDate.of(2026, 11, 25));
  }

  @DisplayName("CUTOVER-23 holidays are skipped and make up days count")
  @Test
  void cutover23HolidaysAreSkippedAndMakeUpDaysCount() {
    StandardWorkCalendar cal = StandardWorkCalendar.builder()
        .addHolidays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
            LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7))
        .addWorkdays(LocalDate.of(2026, 10, 10)).build();
    CutoverRules r = new CutoverRules(cal, OpsParameters.defaults());
    assertThat(r.deadlineDay(at(2026, 10, 9, 10, 0))).isEqualTo(LocalDate.of(2026, 9, 29));
    assertThat(r.deadlineDay(at(2026, 10, 12, 10, 0))).isEqualTo(LocalDate.of(2026, 10, 8));
    assertThat(r.deadlineDay(at(2026, 10, 13, 10, 0))).isEqualTo(LocalDate.of(2026, 10, 9));
    assertThat(r.deadlineDay(at(2026, 10, 14, 10, 0))).isEqualTo(LocalDate.of(2026, 10, 10));
  }

  @DisplayName("CUTOVER-23 the lead is a parameter boundary 2 3 4")
  @Test
  void cutover23TheLeadIsAParameterBoundary2_3_4() {
    Instant thursday = at(2026, 11, 26, 9, 0);
    int[][] expected = {{2, 24}, {3, 23}, {4, 20}};
    for (int[] e : expected) {
      CutoverRules r = new CutoverRules(StandardWorkCalendar.weekdays(),
          OpsParameters.builder().cutoverLeadWorkingDays(e[0]).build());
      assertThat(r.deadlineDay(thursday)).as("%s", e[0]).isEqualTo(LocalDate.of(2026, 11, e[1]));
    }
  }

  @DisplayName("CUTOVER-23 a deadline never falls on a non working day")
  @Test
  void cutover23ADeadlineNeverFallsOnANonWorkingDay() {
    qt().forAll(integers().between(0, 3 * 365), lists().of(integers().between(0, 400)).ofSizeBetween(0, 60),
        integers().between(0, 6)).checkAssert((offset, holidayOffsets, lead) -> {
          StandardWorkCalendar.Builder b = StandardWorkCalendar.builder();
          LocalDate base = LocalDate.of(2026, 1, 1);
          for (int h : holidayOffsets) {
            LocalDate d = base.plusDays(h);
            if (d.getDayOfWeek().getValue() >= 6 && h % 3 == 0) {
              b.addWorkdays(d);
            } else if (d.getDayOfWeek().getValue() < 6) {
              b.addHolidays(d);
            }
          }
          StandardWorkCalendar cal = b.build();
          CutoverRules r = new CutoverRules(cal, OpsParameters.builder().cutoverLeadWorkingDays(lead).build());
          Instant start = base.plusDays(offset).atTime(10, 0).atZone(cal.zone()).toInstant();
          LocalDate day = r.deadlineDay(start);
          if (lead > 0) {
            assertThat(cal.isWorkingDay(day)).as("deadline day %s", day).isTrue();
            assertThat(day).isBefore(cal.dateOf(start));
            assertThat(cal.plusWorkingDays(day, lead)).isAfterOrEqualTo(cal.dateOf(start));
          }
          assertThat(r.applicationDeadline(start)).isEqualTo(day.plusDays(1).atStartOfDay(cal.zone()).toInstant());
        });
  }

  @DisplayName("CUTOVER-12 the report lists everything and the draft announcement when needed")
  @Test
  void cutover12TheReportListsEverythingAndTheDraftAnnouncementWhenNeeded() {
    EnumSet<ReportContent> all = EnumSet.range(ReportContent.PLAN, ReportContent.SYSTEM_CUTOVER_APPLICATION_DOC);
    assertThat(WEEKDAYS.missingReportContents(all, false)).isEmpty();
    assertThat(WEEKDAYS.missingReportContents(all, true)).containsExactly(ReportContent.DRAFT_SOCIAL_ANNOUNCEMENT);
    assertThat(WEEKDAYS.missingReportContents(EnumSet.of(ReportContent.PLAN), false)).containsExactly(
        ReportContent.EMERGENCY_PLAN, ReportContent.DIAL_TEST_LIST, ReportContent.TIME, ReportContent.IMPACT,
        ReportContent.BASIS, ReportContent.SYSTEM_CUTOVER_APPLICATION_DOC);
  }

  @DisplayName("CUTOVER-24 the application lists time plan personnel and impact scope")
  @Test
  void cutover24TheApplicationListsTimePlanPersonnelAndImpactScope() {
    assertThat(WEEKDAYS.missingApplicationContents(EnumSet.of(ApplicationContent.TIME, ApplicationContent.PLAN,
        ApplicationContent.PERSONNEL, ApplicationContent.IMPACT_SCOPE))).isEmpty();
    assertThat(WEEKDAYS.missingApplicationContents(EnumSet.of(ApplicationContent.PLAN))).containsExactly(
        ApplicationContent.TIME, ApplicationContent.PERSONNEL, ApplicationContent.IMPACT_SCOPE);
    CutoverRules longer = new CutoverRules(StandardWorkCalendar.weekdays(), OpsParameters.defaults(),
        EnumSet.of(ApplicationContent.TIME, ApplicationContent.CHECKLIST));
    assertThat(longer.missingApplicationContents(EnumSet.of(ApplicationContent.TIME)))
        .containsExactly(ApplicationContent.CHECKLIST);
  }

  @Test
  void checkNamesEveryViolatedRuleAndTheAnnouncementDuty() {
    Cutover c = Cutover.builder().plannedStart(at(2026, 11, 26, 22, 0)).affectsCustomerBusiness(true)
        .applicationSubmittedAt(at(2026, 11, 24, 9, 0)).build();
    CutoverReadiness r = WEEKDAYS.check(c);
    assertThat(r.leadTimeOk()).isFalse();
    assertThat(r.announcementRequired()).isTrue();
    assertThat(r.violations()).extracting(RuleId::value).containsExactly("CUTOVER-12", "CUTOVER-23", "CUTOVER-24");
  }

  @DisplayName("CUTOVER-12, CUTOVER-23, CUTOVER-24 each violation is explained on its field, times in the zone")
  @Test
  void cutover12And23And24EachViolationIsExplainedOnItsField() {
    Cutover late = Cutover.builder().plannedStart(at(2026, 11, 26, 22, 0))
        .applicationSubmittedAt(at(2026, 11, 24, 9, 0)).build();
    assertThat(WEEKDAYS.check(late).explained(late, StandardWorkCalendar.SHANGHAI))
        .extracting(v -> v.ruleId().value() + " " + v.field().orElseThrow() + ": " + v.message())
        .containsExactly(
            "CUTOVER-12 reportContents: the report for the supervisor's approval lacks [PLAN, EMERGENCY_PLAN, "
                + "DIAL_TEST_LIST, TIME, IMPACT, BASIS, SYSTEM_CUTOVER_APPLICATION_DOC]",
            "CUTOVER-23 applicationSubmittedAt: the application is complete at 2026-11-24T09:00:00+08:00, after its "
                + "deadline 2026-11-24T00:00:00+08:00 (3 working days ahead)",
            "CUTOVER-24 applicationContents: the application lacks [TIME, PLAN, PERSONNEL, IMPACT_SCOPE]");
    Cutover never = late.toBuilder().applicationSubmittedAt(Optional.empty()).build();
    assertThat(WEEKDAYS.check(never).explained(never, StandardWorkCalendar.SHANGHAI))
        .filteredOn(v -> v.ruleId().value().equals("CUTOVER-23")).extracting(v -> v.message())
        .containsExactly("no applicationSubmittedAt: the application is not complete");
  }

  @DisplayName("CUTOVER-23 the explanation names the configured lead time, not a fixed three days")
  @Test
  void cutover23TheExplanationNamesTheConfiguredLeadTime() {
    CutoverRules fiveDays = new CutoverRules(StandardWorkCalendar.weekdays(),
        OpsParameters.builder().cutoverLeadWorkingDays(5).build());
    Cutover late = Cutover.builder().plannedStart(at(2026, 11, 26, 22, 0))
        .applicationSubmittedAt(at(2026, 11, 20, 9, 0)).build();
    assertThat(fiveDays.check(late).explained(late, StandardWorkCalendar.SHANGHAI))
        .filteredOn(v -> v.ruleId().value().equals("CUTOVER-23")).extracting(v -> v.message())
        .containsExactly("the application is complete at 2026-11-20T09:00:00+08:00, after its deadline "
            + "2026-11-20T00:00:00+08:00 (5 working days ahead)");
  }

  @DisplayName("CUTOVER-07 the announcement is required exactly when customers are affected")
  @Test
  void cutover07TheAnnouncementIsRequiredExactlyWhenCustomersAreAffected() {
    Cutover base = Cutover.builder().plannedStart(at(2026, 11, 26, 22, 0)).build();
    assertThat(WEEKDAYS.check(base).announcementRequired()).isFalse();
    assertThat(WEEKDAYS.check(base.toBuilder().affectsCustomerBusiness(true).build()).announcementRequired())
        .isTrue();
  }

  @Test
  void checkWithoutAPlannedStartIsInvalidInput() {
    assertThatThrownBy(() -> WEEKDAYS.check(Cutover.builder().build())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("plannedStart");
  }
}
