package org.opsbook.rules.internal.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.rules.cutover.CutoverEvent.APPLY_VIA_AMS;
import static org.opsbook.rules.cutover.CutoverEvent.APPROVE_REPORT;
import static org.opsbook.rules.cutover.CutoverEvent.ARCHIVE;
import static org.opsbook.rules.cutover.CutoverEvent.ARRIVE;
import static org.opsbook.rules.cutover.CutoverEvent.COMPLETE_AND_POST_CHECK;
import static org.opsbook.rules.cutover.CutoverEvent.COUNTERSIGN;
import static org.opsbook.rules.cutover.CutoverEvent.CREATE;
import static org.opsbook.rules.cutover.CutoverEvent.NOTIFY_CS_FOR_BUSINESS_TEST;
import static org.opsbook.rules.cutover.CutoverEvent.NOTIFY_STAKEHOLDERS;
import static org.opsbook.rules.cutover.CutoverEvent.OWNER_REVIEW;
import static org.opsbook.rules.cutover.CutoverEvent.PRE_CHECK;
import static org.opsbook.rules.cutover.CutoverEvent.PRE_MEETING;
import static org.opsbook.rules.cutover.CutoverEvent.PROVINCE_DECISION;
import static org.opsbook.rules.cutover.CutoverEvent.PUBLISH_ANNOUNCEMENT;
import static org.opsbook.rules.cutover.CutoverEvent.RELAY_COMPLAINT;
import static org.opsbook.rules.cutover.CutoverEvent.RESOLVE_COMPLAINT;
import static org.opsbook.rules.internal.cutover.Fixtures.LEAD;
import static org.opsbook.rules.internal.cutover.Fixtures.OPERATOR;
import static org.opsbook.rules.internal.cutover.Fixtures.OWNER;
import static org.opsbook.rules.internal.cutover.Fixtures.SUPERVISOR;
import static org.opsbook.rules.internal.cutover.Fixtures.WF;
import static org.opsbook.rules.internal.cutover.Fixtures.archive;
import static org.opsbook.rules.internal.cutover.Fixtures.data;
import static org.opsbook.rules.internal.cutover.Fixtures.facts;
import static org.opsbook.rules.internal.cutover.Fixtures.meeting;
import static org.opsbook.rules.internal.cutover.Fixtures.none;
import static org.opsbook.rules.internal.cutover.Fixtures.notice;
import static org.opsbook.rules.internal.cutover.Fixtures.postCheck;
import static org.opsbook.rules.internal.cutover.Fixtures.review;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.rules.internal.cutover.Fixtures.Flow;
import org.opsbook.rules.cutover.CutoverEventData.CountersignMedium;
import org.opsbook.rules.cutover.CutoverCategory;
import org.opsbook.rules.cutover.CutoverEventData;
import org.opsbook.rules.cutover.CutoverState;
import org.opsbook.rules.cutover.CutoverSystem;
import org.opsbook.rules.cutover.CutoverTicket;

/**
 * The cutover's definitions (CUTOVER-01/02/03), the owner's duty to resolve the complaints customer service relays
 * during the cutover (CUTOVER-20), the plan followed strictly (CUTOVER-17), and the transitions of SM-CUTOVER each
 * named by its ID.
 */
class CutoverDutiesTest {
  private static final Actor OTHER_OWNER = Fixtures.actor("li", "运营管理室", Role.CUTOVER_OWNER);

  private static void refusedBy(Outcome<CutoverTicket> o, String... rules) {
    assertThat(o.isAccepted()).as("refused").isFalse();
    assertThat(o.violatedRules()).extracting(RuleId::value).containsExactly(rules);
  }

  private static CutoverEventData complaints(String... refs) {
    return data().addComplaintRefs(refs).build();
  }

  @DisplayName("CUTOVER-01 CUTOVER-02 a cutover is created with its system and its category")
  @Test
  void cutover01Cutover02ACutoverIsCreatedWithItsSystemAndItsCategory() {
    assertThatThrownBy(() -> new Flow(facts().system(java.util.Optional.empty()).build()).fire(CREATE, OWNER, none()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("system")
        .satisfies(e -> assertThat(((InvalidInputException) e).ruleId().map(RuleId::value)).contains("CUTOVER-01"));
    assertThatThrownBy(() -> new Flow(facts().category(java.util.Optional.empty()).build())
        .fire(CREATE, OWNER, none())).isInstanceOf(InvalidInputException.class).hasMessageContaining("category")
        .satisfies(e -> assertThat(((InvalidInputException) e).ruleId().map(RuleId::value)).contains("CUTOVER-02"));
    Flow f = new Flow(facts().system(CutoverSystem.IMAGING).category(CutoverCategory.DATA_MODIFICATION).build());
    Outcome<CutoverTicket> o = f.fire(CREATE, OWNER, none());
    assertThat(o.audit().orElseThrow().details()).containsEntry("system", "IMAGING")
        .containsEntry("category", "DATA_MODIFICATION");
  }

  @DisplayName("CUTOVER-03 the province's decision is recorded and decides the path")
  @Test
  void cutover03TheProvincesDecisionIsRecordedAndDecidesThePath() {
    Flow f = new Flow(facts().build()).ok(CREATE, OWNER).ok(OWNER_REVIEW, OWNER, review())
        .ok(APPROVE_REPORT, SUPERVISOR).ok(APPLY_VIA_AMS, OWNER, data().amsApplicationNo("AMS-1").build());
    assertThatThrownBy(() -> f.fire(PROVINCE_DECISION, OWNER, none())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("approved").hasMessageContaining("CUTOVER-03");
    Outcome<CutoverTicket> o = f.fire(PROVINCE_DECISION, OWNER, data().approved(true).build());
    assertThat(o.audit().orElseThrow().details()).containsEntry("approved", "true");
    assertThat(f.state()).isEqualTo(CutoverState.PROVINCE_APPROVED);
  }

  @DisplayName("SM-CUTOVER-T02 SM-CUTOVER-T06 SM-CUTOVER-T07 SM-CUTOVER-T08 SM-CUTOVER-T09 the way to the start")
  @Test
  void smCutoverTransitionsTheWayToTheStart() {
    Flow f = new Flow(facts().build()).ok(CREATE, OWNER);
    refusedBy(f.fire(OWNER_REVIEW, OTHER_OWNER, review()), "CUTOVER-04");
    assertThat(f.fire(OWNER_REVIEW, OWNER, review()).isAccepted()).as("SM-CUTOVER-T02").isTrue();
    assertThat(f.state()).isEqualTo(CutoverState.OWNER_REVIEWED);
    f.ok(APPROVE_REPORT, SUPERVISOR).ok(APPLY_VIA_AMS, OWNER, data().amsApplicationNo("AMS-1").build())
        .ok(PROVINCE_DECISION, OWNER, data().approved(true).build());
    refusedBy(f.fire(COUNTERSIGN, OWNER, data().addCountersigners("信息技术中心").build()), "CUTOVER-06");
    f.ok(COUNTERSIGN, OWNER, data().addCountersigners("信息技术中心")
        .countersignMedium(CountersignMedium.OFFICIAL_DOCUMENT).build());
    assertThat(f.state()).as("SM-CUTOVER-T06").isEqualTo(CutoverState.COUNTERSIGNED);
    f.ok(PUBLISH_ANNOUNCEMENT, OWNER, data().announcementRef("DOC-1").build());
    assertThat(f.state()).as("SM-CUTOVER-T07").isEqualTo(CutoverState.ANNOUNCED);
    f.ok(NOTIFY_STAKEHOLDERS, OWNER, notice());
    assertThat(f.state()).as("SM-CUTOVER-T08").isEqualTo(CutoverState.STAKEHOLDERS_NOTIFIED);
    f.ok(PRE_MEETING, LEAD, meeting()).ok(ARRIVE, OWNER, data().leadQualified(true).build())
        .ok(PRE_CHECK, OPERATOR, data().preChecklistRef("pre.xls").preConditionsMet(true).build());
    assertThat(f.state()).as("SM-CUTOVER-T09").isEqualTo(CutoverState.READY);
  }

  @DisplayName("SM-CUTOVER-T11 SM-CUTOVER-T12 SM-CUTOVER-T14 from the post check to the archive")
  @Test
  void smCutoverTransitionsFromThePostCheckToTheArchive() {
    Flow f = new Flow(facts().build()).toInProgress();
    refusedBy(f.fire(COMPLETE_AND_POST_CHECK, OPERATOR, data().testResultsRef("t").build()), "CUTOVER-21");
    f.ok(COMPLETE_AND_POST_CHECK, OPERATOR, postCheck());
    assertThat(f.state()).as("SM-CUTOVER-T11").isEqualTo(CutoverState.POST_CHECKED);
    refusedBy(f.fire(NOTIFY_CS_FOR_BUSINESS_TEST, OTHER_OWNER, none()), "CUTOVER-04");
    f.ok(NOTIFY_CS_FOR_BUSINESS_TEST, OWNER);
    assertThat(f.state()).as("SM-CUTOVER-T12").isEqualTo(CutoverState.CS_TESTING);
    refusedBy(f.fire(ARCHIVE, OWNER, data().csTestResultsRef("cs").build()), "CUTOVER-09");
    f.ok(ARCHIVE, OWNER, archive());
    assertThat(f.state()).as("SM-CUTOVER-T14").isEqualTo(CutoverState.ARCHIVED);
  }

  @DisplayName("CUTOVER-20 SM-CUTOVER-T15 SM-CUTOVER-T16 each complaint relayed during the cutover is the owner's duty "
      + "until resolved")
  @Test
  void cutover20EachComplaintRelayedDuringTheCutoverIsTheOwnersDutyUntilResolved() {
    Flow f = new Flow(facts().build()).toInProgress();
    assertThat(WF.duties(f.ticket)).isEmpty();
    refusedBy(f.fire(RELAY_COMPLAINT, LEAD, none()), "CUTOVER-20");
    Outcome<CutoverTicket> relayed = f.fire(RELAY_COMPLAINT, LEAD, complaints("TS-101", "TS-102"));
    assertThat(relayed.audit().orElseThrow().ruleIds()).extracting(RuleId::value).contains("CUTOVER-20");
    assertThat(f.state()).isEqualTo(CutoverState.IN_PROGRESS);
    List<Obligation> duties = WF.duties(f.ticket);
    assertThat(duties).hasSize(2).allSatisfy(d -> {
      assertThat(d.ruleId().value()).isEqualTo("CUTOVER-20");
      assertThat(d.actor()).isEqualTo(Role.CUTOVER_OWNER);
      assertThat(d.target()).isEqualTo("客户服务中心");
      assertThat(d.isTimely()).as("及时: no deadline").isTrue();
      assertThat(d.subjectId()).isEqualTo("CO-1");
    });
    assertThat(duties).extracting(Obligation::sequence).containsExactly(1, 2);
    assertThat(duties.get(0).action()).contains("TS-101");

    refusedBy(f.fire(RESOLVE_COMPLAINT, OWNER, complaints("TS-999")), "CUTOVER-20");
    refusedBy(f.fire(RESOLVE_COMPLAINT, OTHER_OWNER, complaints("TS-101")), "CUTOVER-04");
    f.ok(RESOLVE_COMPLAINT, OWNER, complaints("TS-101"));
    assertThat(WF.duties(f.ticket)).extracting(Obligation::action).containsExactly("及时解决处理客户投诉 TS-102");

    f.ok(COMPLETE_AND_POST_CHECK, OPERATOR, postCheck()).ok(NOTIFY_CS_FOR_BUSINESS_TEST, OWNER);
    refusedBy(f.fire(RELAY_COMPLAINT, LEAD, complaints("TS-103")), "SM-CUTOVER-T15");
    refusedBy(f.fire(ARCHIVE, OWNER, archive()), "CUTOVER-20");
    f.ok(RESOLVE_COMPLAINT, OWNER, complaints("TS-102")).ok(ARCHIVE, OWNER, archive());
    assertThat(WF.duties(f.ticket)).isEmpty();
    assertThat(f.state()).isEqualTo(CutoverState.ARCHIVED);
  }

  @DisplayName("CUTOVER-20 the open duties are exactly the complaints relayed and not yet resolved")
  @Test
  void cutover20TheOpenDutiesAreExactlyTheComplaintsRelayedAndNotYetResolved() {
    Flow start = new Flow(facts().build()).toInProgress();
    CutoverTicket inProgress = start.ticket;
    qt().withExamples(300).forAll(lists().of(integers().between(0, 39)).ofSizeBetween(1, 25))
        .checkAssert(steps -> {
          CutoverTicket t = inProgress;
          Set<String> open = new TreeSet<>();
          java.time.Instant now = start.now;
          for (int x : steps) {
            now = now.plusSeconds(60);
            String ref = "TS-" + (x % 10);
            boolean relay = x < 20;
            Outcome<CutoverTicket> o = WF.apply(t, relay ? RELAY_COMPLAINT : RESOLVE_COMPLAINT,
                relay ? LEAD : OWNER, complaints(ref), now);
            if (relay) {
              assertThat(o.isAccepted()).isTrue();
              open.add(ref);
            } else {
              assertThat(o.isAccepted()).as("resolving %s", ref).isEqualTo(open.contains(ref));
              open.remove(ref);
            }
            t = o.instance();
            assertThat(new TreeSet<>(t.record().openComplaints().keySet())).isEqualTo(open);
            assertThat(WF.duties(t)).hasSize(open.size()).allSatisfy(d -> assertThat(d.ruleId().value())
                .isEqualTo("CUTOVER-20"));
          }
        });
  }

  @DisplayName("CUTOVER-17 while under way the plan is followed strictly and a departure is recorded")
  @Test
  void cutover17WhileUnderWayThePlanIsFollowedStrictlyAndADepartureIsRecorded() {
    Flow f = new Flow(facts().build()).toInProgress();
    assertThat(WF.advice(f.ticket)).containsOnlyKeys(RuleId.of("CUTOVER-17"));
    assertThat(WF.advice(f.ticket).get(RuleId.of("CUTOVER-17")))
        .isEqualTo("所有现场人员必须严格按照既定的工程割接方案实施,并按系统安全要求操作");
    CutoverEventData deviated = postCheck().withPlanDeviations(List.of("回退步骤3改为手工执行, 联系13800138000"));
    Outcome<CutoverTicket> o = f.fire(COMPLETE_AND_POST_CHECK, OPERATOR, deviated);
    assertThat(o.audit().orElseThrow().ruleIds()).extracting(RuleId::value).contains("CUTOVER-17");
    assertThat(o.audit().orElseThrow().details().get("planDeviations")).contains("回退步骤3")
        .doesNotContain("13800138000");
    assertThat(WF.advice(f.ticket)).isEmpty();
    Flow plain = new Flow(facts().build()).toInProgress().ok(COMPLETE_AND_POST_CHECK, OPERATOR, postCheck());
    assertThat(plain.ticket.record().data(COMPLETE_AND_POST_CHECK).planDeviations()).isEmpty();
  }
}
