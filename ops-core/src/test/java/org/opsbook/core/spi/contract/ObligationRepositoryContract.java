package org.opsbook.core.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Channel;
import org.opsbook.core.Obligation;
import org.opsbook.core.ObligationKey;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.core.internal.memory.InMemoryObligationRepository;
import org.opsbook.core.spi.ObligationRepository;
import org.opsbook.core.spi.ObligationRepository.ClaimedObligation;
import org.opsbook.core.spi.ObligationRepository.ScheduledObligation;

/**
 * The contract of {@link org.opsbook.core.spi.ObligationRepository}: durable timers claimed under a lease, fired once,
 * fired keys remembered.
 */
public abstract class ObligationRepositoryContract extends StorageContract {
  private static final Duration LEASE = Duration.ofSeconds(30);

  /** A one-off duty of {@code subject} due at {@code due}. */
  protected static ScheduledObligation due(String subject, String rule, Instant due) {
    return ScheduledObligation.of(Obligation.builder().ruleId(RuleId.of(rule)).subjectId(subject)
        .actor(Role.ESC_DUTY).action("上报室经理").target("ROOM_MANAGER").channel(Channel.PHONE)
        .dueAt(due).triggeredAt(due.minusSeconds(600)).build());
  }

  private static ScheduledObligation recurring(String subject, int seq, Instant due) {
    return ScheduledObligation.of(Obligation.builder().ruleId(RuleId.of("ESC-PROG-01")).subjectId(subject)
        .actor(Role.ESC_HANDLER_A).action("进展汇报").target("ROOM_MANAGER").channel(Channel.SMS)
        .dueAt(due).recurring(true).sequence(seq).build());
  }

  /** The recurring {@code o} as it falls due again at {@code due}: the same key, the interval before as trigger. */
  private static ScheduledObligation repeatOf(ScheduledObligation o, Instant due) {
    Obligation d = o.obligation();
    return ScheduledObligation.of(Obligation.builder().ruleId(d.ruleId()).subjectId(d.subjectId()).actor(d.actor())
        .action(d.action()).target(d.target()).channel(d.channel()).recurring(true).sequence(d.sequence())
        .triggeredAt(d.dueAt()).dueAt(due).build());
  }

  /** A claim as an instance would hold it: only key, owner and generation matter to the store. */
  private static ClaimedObligation claim(ScheduledObligation o, String owner, long generation) {
    return new ClaimedObligation(o, owner, at(0), generation);
  }

  private static ClaimedObligation claimOf(java.util.Map<String, ClaimedObligation> claims, ObligationKey key,
      String owner) {
    ClaimedObligation c = claims.get(key + owner);
    return c != null ? c : claim(due(key.subjectId(), key.ruleId().value(), at(0)), owner, 0);
  }

  private List<ObligationKey> keys(List<ClaimedObligation> claimed) {
    return claimed.stream().map(c -> c.scheduled().key()).toList();
  }

  @Test
  void aScheduledObligationIsPendingAndReadsBackWhole() {
    ScheduledObligation o = due("F-1", "ESC-ROOM-01", at(60));
    assertThat(store.obligations().schedule(o)).isTrue();
    assertThat(store.obligations().find(o.key())).contains(o);
    ScheduledObligation r = recurring("F-1", 3, at(1800));
    store.obligations().schedule(r);
    assertThat(store.obligations().find(r.key())).contains(r);
    assertThat(store.obligations().hasFired(o.key())).isFalse();
  }

  @Test
  void schedulingAPendingKeyAgainReplacesIt() {
    ScheduledObligation o = due("F-1", "ESC-ROOM-01", at(60));
    store.obligations().schedule(o);
    ScheduledObligation later = due("F-1", "ESC-ROOM-01", at(600));
    assertThat(store.obligations().schedule(later)).isTrue();
    assertThat(store.obligations().find(o.key())).contains(later);
    assertThat(store.obligations().pending("F-1")).hasSize(1);
  }

  @Test
  void scheduleIfNewAddsOnlyAKeyNeverHeldAndLeavesPendingClaimedFiredAndCancelledKeysAsTheyAre() {
    ScheduledObligation missing = due("F-1", "ESC-ROOM-01", at(60));
    assertThat(store.obligations().scheduleIfNew(missing)).isTrue();
    assertThat(store.obligations().find(missing.key())).contains(missing);

    assertThat(store.obligations().scheduleIfNew(due("F-1", "ESC-ROOM-01", at(600)))).as("pending").isFalse();
    assertThat(store.obligations().find(missing.key())).as("its due time kept").contains(missing);

    ClaimedObligation claimed = store.obligations().claimDue(at(60), 5, "a", LEASE).get(0);
    assertThat(store.obligations().scheduleIfNew(due("F-1", "ESC-ROOM-01", at(600)))).as("claimed").isFalse();
    assertThat(store.obligations().complete(claimed, at(61))).as("the claim still holds").isTrue();
    assertThat(store.obligations().scheduleIfNew(missing)).as("fired").isFalse();
    assertThat(store.obligations().find(missing.key())).isEmpty();

    ScheduledObligation cancelled = due("F-1", "ESC-DEPT-02", at(60));
    store.obligations().schedule(cancelled);
    store.obligations().cancel(cancelled.key());
    assertThat(store.obligations().scheduleIfNew(cancelled)).as("cancelled").isFalse();
    assertThat(store.obligations().pending("F-1")).isEmpty();
  }

  @Test
  @DisplayName("claimDue takes what is due at now inclusive (due-1µs, due, due+1µs), earliest first")
  void claimDueTakesOnlyDueObligationsEarliestFirst() {
    Instant now = at(100);
    store.obligations().schedule(due("F-1", "ESC-ROOM-01", now.plusNanos(1_000)));
    store.obligations().schedule(due("F-2", "ESC-ROOM-01", now));
    store.obligations().schedule(due("F-3", "ESC-ROOM-01", now.minusNanos(1_000)));
    store.obligations().schedule(due("F-4", "ESC-ROOM-01", at(0)));
    List<ClaimedObligation> c = store.obligations().claimDue(now, 10, "a", LEASE);
    assertThat(keys(c)).extracting(ObligationKey::subjectId).containsExactly("F-4", "F-3", "F-2");
    assertThat(c).allSatisfy(x -> {
      assertThat(x.owner()).isEqualTo("a");
      assertThat(x.leaseUntil()).isEqualTo(now.plus(LEASE));
    });
    assertThat(c.get(0).scheduled()).isEqualTo(due("F-4", "ESC-ROOM-01", at(0)));
  }

  @Test
  void claimDueTakesAtMostTheLimit() {
    for (int i = 0; i < 7; i++) {
      store.obligations().schedule(due("F-" + i, "ESC-ROOM-01", at(i)));
    }
    assertThat(store.obligations().claimDue(at(100), 3, "a", LEASE)).hasSize(3);
    assertThat(store.obligations().claimDue(at(100), 3, "b", LEASE)).hasSize(3);
    assertThat(store.obligations().claimDue(at(100), 3, "c", LEASE)).hasSize(1);
    assertThatThrownBy(() -> store.obligations().claimDue(at(100), 0, "c", LEASE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a live lease is not claimed again; at its end (lease-1µs, lease, lease+1µs) it is")
  void aLiveLeaseIsNotClaimedAgainUntilItLapses() {
    store.obligations().schedule(due("F-1", "ESC-ROOM-01", at(0)));
    Instant until = store.obligations().claimDue(at(10), 5, "a", LEASE).get(0).leaseUntil();
    assertThat(store.obligations().claimDue(until.minusNanos(1_000), 5, "b", LEASE)).isEmpty();
    List<ClaimedObligation> again = store.obligations().claimDue(until, 5, "b", LEASE);
    assertThat(again).singleElement().satisfies(c -> assertThat(c.owner()).isEqualTo("b"));
    assertThat(store.obligations().claimDue(until.plusNanos(1_000), 5, "c", LEASE)).isEmpty();
  }

  @Test
  void theLeaseHolderCompletesAndTheKeyIsRememberedAsFired() {
    ScheduledObligation o = due("F-1", "ESC-ROOM-01", at(0));
    store.obligations().schedule(o);
    ClaimedObligation c = store.obligations().claimDue(at(10), 5, "a", LEASE).get(0);
    assertThat(c.generation()).isEqualTo(1);
    assertThat(store.obligations().complete(c, at(11))).isTrue();
    assertThat(store.obligations().hasFired(o.key())).isTrue();
    assertThat(store.obligations().find(o.key())).isEmpty();
    assertThat(store.obligations().complete(c, at(12))).isFalse();
    assertThat(store.obligations().schedule(o)).isFalse();
    assertThat(store.obligations().find(o.key())).isEmpty();
    assertThat(store.obligations().claimDue(at(1000), 5, "a", LEASE)).isEmpty();
  }

  @Test
  void onlyTheCurrentLeaseHolderMayComplete() {
    ScheduledObligation o = due("F-1", "ESC-ROOM-01", at(0));
    store.obligations().schedule(o);
    assertThat(store.obligations().complete(claim(o, "a", 1), at(1))).as("not claimed").isFalse();
    ClaimedObligation a = store.obligations().claimDue(at(10), 5, "a", LEASE).get(0);
    assertThat(store.obligations().complete(claim(o, "b", a.generation()), at(11))).isFalse();
    ClaimedObligation b = store.obligations().claimDue(at(10).plus(LEASE), 5, "b", LEASE).get(0);
    assertThat(b.generation()).isEqualTo(a.generation() + 1);
    assertThat(store.obligations().complete(a, at(50))).as("lease taken over").isFalse();
    assertThat(store.obligations().fail(a, "late", at(60))).as("lease taken over").isFalse();
    assertThat(store.obligations().renew(a, at(50), LEASE)).as("lease taken over").isEmpty();
    assertThat(store.obligations().complete(b, at(50))).isTrue();
    assertThat(store.obligations().hasFired(o.key())).isTrue();
  }

  @Test
  @DisplayName("fencing: an owner that re-claims after losing its lease cannot act on its old claim (ABA)")
  void anOldGenerationOfTheSameOwnerIsRefused() {
    ScheduledObligation o = due("F-1", "ESC-ROOM-01", at(0));
    store.obligations().schedule(o);
    ClaimedObligation first = store.obligations().claimDue(at(10), 5, "a", LEASE).get(0);
    ClaimedObligation b = store.obligations().claimDue(at(10).plus(LEASE), 5, "b", LEASE).get(0);
    assertThat(store.obligations().fail(b, "down", at(10).plus(LEASE))).isTrue();
    ClaimedObligation again = store.obligations().claimDue(at(10).plus(LEASE), 5, "a", LEASE).get(0);
    assertThat(again.generation()).isEqualTo(first.generation() + 2);
    assertThat(store.obligations().complete(first, at(50))).as("stale generation of the same owner").isFalse();
    assertThat(store.obligations().renew(again, at(51), LEASE)).hasValueSatisfying(
        r -> assertThat(r.leaseUntil()).isEqualTo(at(51).plus(LEASE)));
    assertThat(store.obligations().complete(again, at(52))).isTrue();
  }

  @Test
  void anExpiredLeaseNobodyTookOverMayStillBeCompleted() {
    ScheduledObligation o = due("F-1", "ESC-ROOM-01", at(0));
    store.obligations().schedule(o);
    ClaimedObligation c = store.obligations().claimDue(at(10), 5, "a", LEASE).get(0);
    assertThat(store.obligations().complete(c, at(10).plus(LEASE).plusSeconds(5))).isTrue();
  }

  @Test
  void completeAllFiresTheBatchTheOwnerStillHolds() {
    for (int i = 0; i < 4; i++) {
      store.obligations().schedule(due("F-" + i, "ESC-ROOM-01", at(i)));
    }
    List<ClaimedObligation> claims = store.obligations().claimDue(at(10), 3, "a", LEASE);
    List<ObligationKey> mine = keys(claims);
    ScheduledObligation notMine = due("F-3", "ESC-ROOM-01", at(3));
    List<ClaimedObligation> all = new ArrayList<>(claims);
    all.add(claim(notMine, "a", 1));
    assertThat(store.obligations().completeAll(all, at(11))).containsExactlyInAnyOrderElementsOf(mine);
    assertThat(mine).allSatisfy(k -> assertThat(store.obligations().hasFired(k)).isTrue());
    assertThat(store.obligations().hasFired(notMine.key())).isFalse();
    assertThat(store.obligations().completeAll(List.of(), at(12))).isEmpty();
  }

  @Test
  void aFailedFiringIsRetriedLaterWithItsAttemptsAndError() {
    ScheduledObligation o = due("F-1", "ESC-ROOM-01", at(0));
    store.obligations().schedule(o);
    ClaimedObligation a = store.obligations().claimDue(at(10), 5, "a", LEASE).get(0);
    assertThat(store.obligations().fail(claim(o, "b", a.generation()), "not mine", at(100))).isFalse();
    assertThat(store.obligations().fail(a, "gateway down", at(100))).isTrue();
    ScheduledObligation stored = store.obligations().find(o.key()).orElseThrow();
    assertThat(stored.attempts()).isEqualTo(1);
    assertThat(stored.lastError()).contains("gateway down");
    assertThat(stored.dueAt()).isEqualTo(at(100));
    assertThat(stored.obligation()).isEqualTo(o.obligation());
    assertThat(store.obligations().claimDue(at(99), 5, "b", LEASE)).isEmpty();
    List<ClaimedObligation> retry = store.obligations().claimDue(at(100), 5, "b", LEASE);
    assertThat(retry).singleElement().satisfies(c -> assertThat(c.scheduled().attempts()).isEqualTo(1));
    assertThat(store.obligations().fail(retry.get(0), "again", at(200))).isTrue();
    assertThat(store.obligations().find(o.key()).orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void heartbeatExtendsOnlyTheOwnersLiveLeases() {
    store.obligations().schedule(due("F-1", "ESC-ROOM-01", at(0)));
    store.obligations().schedule(due("F-2", "ESC-ROOM-01", at(0)));
    store.obligations().schedule(due("F-3", "ESC-ROOM-01", at(0)));
    store.obligations().claimDue(at(10), 2, "a", LEASE);
    store.obligations().claimDue(at(10), 2, "b", LEASE);
    assertThat(store.obligations().heartbeat("a", at(20), LEASE)).isEqualTo(2);
    assertThat(store.obligations().claimDue(at(10).plus(LEASE), 5, "c", LEASE)).as("b's lease lapsed").hasSize(1);
    assertThat(store.obligations().claimDue(at(20).plus(LEASE).minusSeconds(1), 5, "c", LEASE)).isEmpty();
    assertThat(store.obligations().heartbeat("a", at(20).plus(LEASE).plusSeconds(1), LEASE)).as("lapsed").isZero();
  }

  @Test
  void aHeartbeatKeepsTheLaterDueTimeOfADutyRescheduledUnderItsLease() {
    store.obligations().schedule(due("F-1", "ESC-ROOM-01", at(0)));
    store.obligations().claimDue(at(0), 5, "a", LEASE);
    store.obligations().schedule(due("F-1", "ESC-ROOM-01", at(40)));
    assertThat(store.obligations().heartbeat("a", at(0), LEASE)).isEqualTo(1);
    assertThat(store.obligations().nextDueAt()).contains(at(40));
    assertThat(store.obligations().claimDue(at(39), 5, "b", LEASE)).isEmpty();
    assertThat(store.obligations().claimDue(at(40), 5, "b", LEASE)).hasSize(1);
  }

  @Test
  @DisplayName("repeat: a recurring duty still undone waits under its key for its next interval, not fired")
  void aRepeatGivesTheClaimBackToFireAgainAtTheNextInterval() {
    ScheduledObligation first = recurring("F-1", 3, at(0));
    store.obligations().schedule(first);
    ClaimedObligation c = store.obligations().claimDue(at(10), 5, "a", LEASE).get(0);
    ScheduledObligation next = repeatOf(first, at(1800));
    assertThatThrownBy(() -> store.obligations().repeat(c, recurring("F-2", 3, at(1800))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.obligations().repeat(c, next)).isTrue();
    assertThat(store.obligations().hasFired(first.key())).isFalse();
    assertThat(store.obligations().find(first.key())).contains(next);
    assertThat(store.obligations().repeat(c, next)).as("the claim was given back").isFalse();
    assertThat(store.obligations().claimDue(at(1799), 5, "b", LEASE)).isEmpty();
    ClaimedObligation again = store.obligations().claimDue(at(1800), 5, "b", LEASE).get(0);
    assertThat(again.scheduled()).isEqualTo(next);
    assertThat(again.generation()).isEqualTo(c.generation() + 1);
    assertThat(store.obligations().complete(again, at(1801))).isTrue();
    assertThat(store.obligations().hasFired(first.key())).isTrue();
  }

  @Test
  @DisplayName("reconcile: owed duties scheduled, the rest cancelled, a waiting repeat left as it waits")
  void reconcileKeepsARepeatAndCancelsWhatIsNoLongerOwed() {
    ScheduledObligation progress = recurring("F-1", 1, at(0));
    ScheduledObligation room = due("F-1", "ESC-ROOM-01", at(5));
    assertThat(store.obligations().reconcile("F-1", List.of(progress.obligation(), room.obligation()))).isEqualTo(2);
    ClaimedObligation c = store.obligations().claimDue(at(10), 5, "a", LEASE).stream()
        .filter(x -> x.scheduled().key().equals(progress.key())).findFirst().orElseThrow();
    ScheduledObligation next = repeatOf(progress, at(1800));
    assertThat(store.obligations().repeat(c, next)).isTrue();
    // a later step leaves the progress report undone and ends the room-manager duty
    assertThat(store.obligations().reconcile("F-1", List.of(progress.obligation()))).isEqualTo(1);
    assertThat(store.obligations().find(progress.key())).as("the repeat waits").contains(next);
    assertThat(store.obligations().find(room.key())).isEmpty();
    // the report is made: the next occurrence is owed, the repeat of the done one cancelled
    ScheduledObligation second = recurring("F-1", 2, at(1900));
    assertThat(store.obligations().reconcile("F-1", List.of(second.obligation()))).isEqualTo(1);
    assertThat(store.obligations().pending("F-1")).containsExactly(second);
  }

  @Test
  void aCancelledObligationNeverFires() {
    ScheduledObligation o = due("F-1", "ESC-ROOM-01", at(0));
    store.obligations().schedule(o);
    assertThat(store.obligations().cancel(o.key())).isTrue();
    assertThat(store.obligations().cancel(o.key())).isFalse();
    assertThat(store.obligations().find(o.key())).isEmpty();
    assertThat(store.obligations().hasFired(o.key())).isFalse();
    assertThat(store.obligations().schedule(o)).isFalse();
    assertThat(store.obligations().claimDue(at(100), 5, "a", LEASE)).isEmpty();
    assertThat(store.obligations().cancel(due("F-9", "ESC-ROOM-01", at(0)).key())).isFalse();
  }

  @Test
  void cancelSubjectCancelsEveryPendingDutyOfThatSubjectOnly() {
    store.obligations().schedule(due("F-1", "ESC-ROOM-01", at(0)));
    store.obligations().schedule(recurring("F-1", 1, at(1800)));
    store.obligations().schedule(recurring("F-1", 2, at(3600)));
    store.obligations().schedule(due("F-2", "ESC-ROOM-01", at(0)));
    assertThat(store.obligations().cancelSubject("F-1")).isEqualTo(3);
    assertThat(store.obligations().pending("F-1")).isEmpty();
    assertThat(store.obligations().pending("F-2")).hasSize(1);
    assertThat(store.obligations().cancelSubject("F-1")).isZero();
  }

  @Test
  void pendingListsASubjectsDutiesEarliestDueFirst() {
    store.obligations().schedule(recurring("F-1", 2, at(3600)));
    store.obligations().schedule(due("F-1", "ESC-ROOM-01", at(0)));
    store.obligations().schedule(recurring("F-1", 1, at(1800)));
    assertThat(store.obligations().pending("F-1")).extracting(ScheduledObligation::dueAt)
        .containsExactly(at(0), at(1800), at(3600));
    assertThat(store.obligations().pending("nope")).isEmpty();
  }

  @Test
  void nextDueAtIsTheEarliestClaimableTime() {
    assertThat(store.obligations().nextDueAt()).isEmpty();
    store.obligations().schedule(due("F-1", "ESC-ROOM-01", at(500)));
    store.obligations().schedule(due("F-2", "ESC-ROOM-01", at(100)));
    assertThat(store.obligations().nextDueAt()).contains(at(100));
    ClaimedObligation c = store.obligations().claimDue(at(200), 1, "a", LEASE).get(0);
    assertThat(store.obligations().nextDueAt()).as("F-2 is leased").contains(at(200).plus(LEASE));
    store.obligations().complete(c, at(201));
    assertThat(store.obligations().nextDueAt()).contains(at(500));
  }

  @Test
  void scheduleAllCountsWhatIsNowPendingAndSkipsFiredKeys() {
    ScheduledObligation fired = due("F-0", "ESC-ROOM-01", at(0));
    store.obligations().schedule(fired);
    store.obligations().complete(store.obligations().claimDue(at(0), 1, "a", LEASE).get(0), at(1));
    List<ScheduledObligation> batch = new ArrayList<>();
    batch.add(fired);
    for (int i = 1; i <= 50; i++) {
      batch.add(due("F-" + i, "ESC-ROOM-01", at(i)));
    }
    assertThat(store.obligations().scheduleAll(batch)).isEqualTo(50);
    assertThat(store.obligations().claimDue(at(1000), 100, "a", LEASE)).hasSize(50);
    assertThat(store.obligations().scheduleAll(List.of())).isZero();
  }

  @Test
  void scheduleAllStoresEveryFieldAsGiven() {
    ScheduledObligation retried = ScheduledObligation.builder().obligation(due("F-1", "ESC-ROOM-01", at(10))
        .obligation()).dueAt(at(15)).attempts(3).lastError("gateway down | 网关").build();
    ScheduledObligation noTrigger = ScheduledObligation.builder().obligation(Obligation.builder()
        .ruleId(RuleId.of("ESC-PROG-01")).subjectId("F-2").sequence(7).actor(Role.ESC_HANDLER_A).action("进展汇报")
        .target("ROOM_MANAGER").channel(Channel.SMS).recurring(true).build()).dueAt(at(20).plusNanos(123_456_000))
        .build();
    ScheduledObligation plain = recurring("F-3", 2, at(3600));
    assertThat(store.obligations().scheduleAll(List.of(retried, noTrigger, plain))).isEqualTo(3);
    assertThat(store.obligations().find(retried.key())).contains(retried);
    assertThat(store.obligations().find(noTrigger.key())).contains(noTrigger);
    assertThat(store.obligations().find(plain.key())).contains(plain);
  }

  @Test
  void scheduleAllReplacesPendingKeysBesideNewOnes() {
    store.obligations().schedule(due("F-1", "ESC-ROOM-01", at(10)));
    store.obligations().schedule(due("F-2", "ESC-ROOM-01", at(0)));
    store.obligations().claimDue(at(0), 5, "a", LEASE);
    ScheduledObligation moved = due("F-1", "ESC-ROOM-01", at(30));
    ScheduledObligation leased = due("F-2", "ESC-ROOM-01", at(5));
    ScheduledObligation fresh = due("F-3", "ESC-ROOM-01", at(20));
    assertThat(store.obligations().scheduleAll(List.of(moved, leased, fresh))).isEqualTo(3);
    assertThat(store.obligations().find(moved.key())).contains(moved);
    assertThat(store.obligations().find(leased.key())).contains(leased);
    assertThat(store.obligations().find(fresh.key())).contains(fresh);
    assertThat(store.obligations().claimDue(at(29), 5, "b", LEASE)).as("F-2 stays leased, F-1 moved to 30")
        .extracting(c -> c.scheduled().key()).containsExactly(fresh.key());
  }

  @Test
  void aKeyScheduledTwiceInOneBatchEndsAsTheLastScheduleSaid() {
    ScheduledObligation first = due("F-1", "ESC-ROOM-01", at(10));
    ScheduledObligation last = due("F-1", "ESC-ROOM-01", at(20));
    assertThat(store.obligations().scheduleAll(List.of(first, due("F-2", "ESC-ROOM-01", at(0)), last)))
        .isEqualTo(3);
    assertThat(store.obligations().find(first.key())).contains(last);
    assertThat(store.obligations().pending("F-1")).hasSize(1);
  }

  @Test
  void concurrentClaimsNeverHandOutTheSameObligationTwice() throws Exception {
    List<ScheduledObligation> all = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      all.add(due("F-" + i, "ESC-ROOM-01", at(i % 17)));
    }
    store.obligations().scheduleAll(all);
    ConcurrentLinkedQueue<ObligationKey> claimed = new ConcurrentLinkedQueue<>();
    List<Object> results = race(4, () -> {
      String me = Thread.currentThread().getName();
      List<ClaimedObligation> c;
      while (!(c = store.obligations().claimDue(at(100), 7, me, LEASE)).isEmpty()) {
        for (ClaimedObligation x : c) {
          claimed.add(x.scheduled().key());
          if (!store.obligations().complete(x, at(101))) {
            throw new IllegalStateException("lost " + x.scheduled().key());
          }
        }
      }
      return "done";
    });
    assertThat(results).containsOnly("done");
    Set<ObligationKey> unique = new HashSet<>(claimed);
    assertThat(claimed).hasSize(200);
    assertThat(unique).hasSize(200);
  }

  @Test
  void reschedulingWhileAnotherInstanceCompletesNeverLeavesAFiredKeyPending() throws Exception {
    for (int round = 0; round < 40; round++) {
      ScheduledObligation o = due("R-" + round, "ESC-ROOM-01", at(0));
      store.obligations().schedule(o);
      ClaimedObligation c = store.obligations().claimDue(at(1), 100, "a", LEASE).get(0);
      java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
      List<Object> results = race(2, () -> turn.getAndIncrement() == 0
          ? store.obligations().complete(c, at(2))
          : store.obligations().schedule(due(o.key().subjectId(), "ESC-ROOM-01", at(5))));
      assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(Boolean.class));
      boolean fired = store.obligations().hasFired(o.key());
      assertThat(fired).as("the lease holder completes whatever the order").isTrue();
      assertThat(store.obligations().find(o.key())).as("round %s: a fired key is never pending again", round)
          .isEmpty();
    }
  }

  @Test
  @DisplayName("property: any sequence of schedule, claim, complete, fail, cancel and heartbeat behaves as the model")
  void behavesAsTheInMemoryModelUnderRandomOperations() throws Exception {
    String[] subjects = {"F-1", "F-2", "F-3"};
    String[] rules = {"ESC-ROOM-01", "ESC-DEPT-02"};
    String[] owners = {"a", "b"};
    qt().withExamples(40).forAll(lists().of(integers().between(0, 9_999)).ofSizeBetween(1, 25)).checkAssert(ops -> {
      replaceStore();
      ObligationRepository real = store.obligations();
      InMemoryObligationRepository model = new InMemoryObligationRepository();
      java.util.Map<String, ClaimedObligation> realClaims = new java.util.HashMap<>();
      java.util.Map<String, ClaimedObligation> modelClaims = new java.util.HashMap<>();
      List<ObligationKey> keys = new ArrayList<>();
      for (String sub : subjects) {
        for (String rule : rules) {
          keys.add(due(sub, rule, at(0)).key());
        }
      }
      for (int op : ops) {
        int kind = op % 7;
        String subject = subjects[(op / 7) % 3];
        String rule = rules[(op / 21) % 2];
        Instant now = at(((op / 42) % 6) * 10L);
        String owner = owners[(op / 252) % 2];
        ObligationKey key = due(subject, rule, now).key();
        String step = kind + " " + key + " @" + now + " by " + owner;
        switch (kind) {
          case 0 -> assertThat(real.schedule(due(subject, rule, now))).as(step)
              .isEqualTo(model.schedule(due(subject, rule, now)));
          case 1 -> {
            List<ClaimedObligation> r = real.claimDue(now, 100, owner, LEASE);
            List<ClaimedObligation> m = model.claimDue(now, 100, owner, LEASE);
            assertThat(keys(r)).as(step).containsExactlyInAnyOrderElementsOf(keys(m));
            r.forEach(x -> realClaims.put(x.scheduled().key() + owner, x));
            m.forEach(x -> modelClaims.put(x.scheduled().key() + owner, x));
          }
          case 2 -> assertThat(real.complete(claimOf(realClaims, key, owner), now)).as(step)
              .isEqualTo(model.complete(claimOf(modelClaims, key, owner), now));
          case 3 -> assertThat(real.fail(claimOf(realClaims, key, owner), "e", now.plusSeconds(5))).as(step)
              .isEqualTo(model.fail(claimOf(modelClaims, key, owner), "e", now.plusSeconds(5)));
          case 4 -> assertThat(real.cancel(key)).as(step).isEqualTo(model.cancel(key));
          case 5 -> assertThat(real.heartbeat(owner, now, LEASE)).as(step)
              .isEqualTo(model.heartbeat(owner, now, LEASE));
          default -> assertThat(real.cancelSubject(subject)).as(step).isEqualTo(model.cancelSubject(subject));
        }
        for (ObligationKey k : keys) {
          assertThat(real.find(k)).as(step + ": find " + k).isEqualTo(model.find(k));
          assertThat(real.hasFired(k)).as(step + ": fired " + k).isEqualTo(model.hasFired(k));
        }
        assertThat(real.nextDueAt()).as(step + ": next due").isEqualTo(model.nextDueAt());
      }
    });
  }
}
