package org.opsbook.core.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Channel;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.internal.memory.InMemoryMessageOutbox;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.Role;
import org.opsbook.core.spi.MessageOutbox.OutboxMessage;
import org.opsbook.core.spi.MessageOutbox.OutboxState;

/**
 * The contract of {@link org.opsbook.core.spi.MessageOutbox}: one row per idempotency key, claimed under a lease,
 * nothing lost on failure, nothing sent twice.
 */
public abstract class MessageOutboxContract extends StorageContract {
  private static final Duration LEASE = Duration.ofSeconds(30);

  private static Person wang() {
    return Person.builder().id("wang").name("王五").phone("13800138000").addRoles(Role.ROOM_MANAGER)
        .addRecipientClasses(RecipientClass.A, RecipientClass.B).org("运营管理室").build();
  }

  private static Person li() {
    return Person.builder().id("li").name("李四").addRecipientClasses(RecipientClass.C).build();
  }

  private static OutboxMessage message(String key, Optional<String> faultId, Instant createdAt) {
    return OutboxMessage.builder().key(key).faultId(faultId).messageType("NOTIFICATION").channel(Channel.SMS)
        .text("【故障通知】BOSS 计费异常, 联系 13800138000。").addRecipients(wang(), li())
        .nextAttemptAt(createdAt).createdAt(createdAt).build();
  }

  private static OutboxMessage message(String key, Instant createdAt) {
    return message(key, Optional.of("F-1"), createdAt);
  }

  private List<String> claimKeys(Instant now, int limit, String owner) {
    return store.outbox().claim(now, limit, owner, LEASE).stream().map(OutboxMessage::key).toList();
  }

  @Test
  void anEnqueuedMessageIsPendingAndReadsBackWhole() {
    OutboxMessage m = message("F-1/NOTIFICATION/1", at(0));
    assertThat(store.outbox().enqueue(m)).isEqualTo(m);
    assertThat(store.outbox().find(m.key())).contains(m);
    assertThat(store.outbox().find("nope")).isEmpty();
    OutboxMessage notice = OutboxMessage.builder().key("N-1").messageType("NOTICE").channel(Channel.NOTICE)
        .text("公告").nextAttemptAt(at(5)).createdAt(at(1)).build();
    store.outbox().enqueue(notice);
    assertThat(store.outbox().find("N-1")).contains(notice);
  }

  @Test
  void enqueueingAKeyAgainKeepsTheFirstMessage() {
    OutboxMessage first = message("K-1", at(0));
    store.outbox().enqueue(first);
    OutboxMessage second = OutboxMessage.builder().key("K-1").messageType("FOLLOW_UP").text("changed")
        .nextAttemptAt(at(9)).createdAt(at(9)).build();
    assertThat(store.outbox().enqueue(second)).isEqualTo(first);
    assertThat(store.outbox().find("K-1")).contains(first);
    assertThat(store.outbox().list(Optional.empty())).hasSize(1);
  }

  @Test
  @DisplayName("claim takes pending messages whose next attempt is due (t-1µs, t, t+1µs), oldest first, up to the limit")
  void claimTakesDueMessagesOldestFirst() {
    Instant now = at(100);
    store.outbox().enqueue(message("late", at(1)).withNextAttemptAt(now.plusNanos(1000)));
    store.outbox().enqueue(message("b", at(3)).withNextAttemptAt(now));
    store.outbox().enqueue(message("a", at(2)).withNextAttemptAt(now.minusNanos(1000)));
    store.outbox().enqueue(message("c", at(4)));
    assertThat(claimKeys(now, 2, "x")).containsExactly("a", "b");
    assertThat(claimKeys(now, 5, "y")).containsExactly("c");
    assertThat(claimKeys(now, 5, "z")).isEmpty();
  }

  @Test
  void aClaimedMessageIsNotClaimedAgainUntilItsLeaseLapses() {
    store.outbox().enqueue(message("K-1", at(0)));
    assertThat(claimKeys(at(10), 5, "x")).containsExactly("K-1");
    assertThat(claimKeys(at(10).plus(LEASE).minusNanos(1000), 5, "y")).isEmpty();
    assertThat(claimKeys(at(10).plus(LEASE), 5, "y")).containsExactly("K-1");
  }

  private OutboxMessage claimOne(Instant now, String owner) {
    List<OutboxMessage> c = store.outbox().claim(now, 1, owner, LEASE);
    assertThat(c).hasSize(1);
    return c.get(0);
  }

  @Test
  void aSentMessageIsFinalAndMarkingItSentAgainChangesNothing() {
    store.outbox().enqueue(message("K-1", at(0)));
    OutboxMessage c = claimOne(at(1), "x");
    assertThat(c.owner()).contains("x");
    assertThat(c.leaseGeneration()).isEqualTo(1);
    assertThat(store.outbox().markSending(c, at(1), LEASE)).isTrue();
    assertThat(store.outbox().find("K-1").orElseThrow().state()).isEqualTo(OutboxState.SENDING);
    assertThat(store.outbox().markSent(c, at(2), "rec-1")).isTrue();
    OutboxMessage sent = store.outbox().find("K-1").orElseThrow();
    assertThat(sent.state()).isEqualTo(OutboxState.SENT);
    assertThat(sent.sentAt()).contains(at(2));
    assertThat(sent.receipt()).contains("rec-1");
    assertThat(store.outbox().markSent(c, at(9), "rec-2")).isFalse();
    assertThat(store.outbox().find("K-1")).contains(sent);
    assertThat(store.outbox().markFailed(c, "late failure", at(20))).isFalse();
    assertThat(store.outbox().find("K-1")).contains(sent);
    assertThat(claimKeys(at(1000), 5, "y")).isEmpty();
  }

  @Test
  void aFailedAttemptKeepsTheMessagePendingWithItsErrorUntilTheRetryTime() {
    store.outbox().enqueue(message("K-1", at(0)));
    OutboxMessage c = claimOne(at(1), "x");
    assertThat(store.outbox().markSending(c, at(1), LEASE)).isTrue();
    assertThat(store.outbox().markFailed(c, "gateway timeout", at(60))).isTrue();
    OutboxMessage m = store.outbox().find("K-1").orElseThrow();
    assertThat(m.state()).isEqualTo(OutboxState.PENDING);
    assertThat(m.attempts()).isEqualTo(1);
    assertThat(m.lastError()).contains("gateway timeout");
    assertThat(m.nextAttemptAt()).isEqualTo(at(60));
    assertThat(claimKeys(at(59), 5, "y")).isEmpty();
    OutboxMessage again = claimOne(at(60), "y");
    assertThat(again.leaseGeneration()).isEqualTo(2);
    assertThat(store.outbox().markSending(again, at(60), LEASE)).isTrue();
    assertThat(store.outbox().markSent(again, at(61), "rec-9")).isTrue();
    OutboxMessage sent = store.outbox().find("K-1").orElseThrow();
    assertThat(sent.lastError()).isEmpty();
    assertThat(sent.attempts()).isEqualTo(1);
  }

  @Test
  @DisplayName("fencing: a dispatcher whose claim was taken over can neither start, finish nor fail the send")
  void aLostClaimCannotSendOrMark() {
    store.outbox().enqueue(message("K-1", at(0)));
    OutboxMessage paused = claimOne(at(1), "x");
    OutboxMessage other = claimOne(at(1).plus(LEASE), "y");
    assertThat(other.leaseGeneration()).isEqualTo(paused.leaseGeneration() + 1);
    assertThat(store.outbox().markSending(paused, at(2).plus(LEASE), LEASE)).as("taken over").isFalse();
    assertThat(store.outbox().markSending(other, at(2).plus(LEASE), LEASE)).isTrue();
    assertThat(store.outbox().markSent(paused, at(3).plus(LEASE), "r-x")).isFalse();
    assertThat(store.outbox().markFailed(paused, "late", at(3).plus(LEASE))).isFalse();
    assertThat(claimKeys(at(1000), 5, "z")).as("a message being sent is never claimed").isEmpty();
    assertThat(store.outbox().markSent(other, at(4).plus(LEASE), "r-y")).isTrue();
    assertThat(store.outbox().find("K-1").orElseThrow().receipt()).contains("r-y");
  }

  @Test
  @DisplayName("a send whose lease lapsed without an outcome is in doubt: listed, confirmed or released, never reclaimed")
  void aLapsedSendIsInDoubtUntilAPersonResolvesIt() {
    store.outbox().enqueue(message("K-1", at(0)));
    store.outbox().enqueue(message("K-2", at(0)));
    OutboxMessage c1 = claimOne(at(1), "x");
    assertThat(store.outbox().markSending(c1, at(1), LEASE)).isTrue();
    OutboxMessage c2 = claimOne(at(1), "x");
    assertThat(store.outbox().markSending(c2, at(1), LEASE)).isTrue();
    assertThat(store.outbox().inDoubt(at(1).plus(LEASE).minusSeconds(1))).as("still in flight").isEmpty();
    Instant later = at(1).plus(LEASE);
    assertThat(store.outbox().inDoubt(later)).extracting(OutboxMessage::key).containsExactly("K-1", "K-2");
    assertThat(claimKeys(later.plusSeconds(100), 5, "y")).as("never silently resent").isEmpty();
    assertThat(store.outbox().confirmSent("K-1", later, "confirmed by zhang")).isTrue();
    assertThat(store.outbox().find("K-1").orElseThrow().state()).isEqualTo(OutboxState.SENT);
    assertThat(store.outbox().releaseForResend("K-2", later, "not received, per li")).isTrue();
    OutboxMessage released = store.outbox().find("K-2").orElseThrow();
    assertThat(released.state()).isEqualTo(OutboxState.PENDING);
    assertThat(released.attempts()).isEqualTo(1);
    assertThat(store.outbox().inDoubt(later)).isEmpty();
    assertThat(store.outbox().confirmSent("K-2", later, "again")).as("no longer in doubt").isFalse();
    assertThat(store.outbox().markSent(c2, later, "late")).as("the released claim is void").isFalse();
    assertThat(claimKeys(later, 5, "y")).containsExactly("K-2");
  }

  @Test
  @DisplayName("SM-SMS-T05 a gateway's receipt and a person's confirming note are kept whole, however long")
  void aReceiptAndAConfirmingNoteAreKeptWhole() {
    // an SMS platform's message ID, or the whole answer a host passes on as one, has no length the library sets
    String receipt = "{\"msgid\":\"" + "回执".repeat(1_000) + "\"}";
    store.outbox().enqueue(message("K-1", at(0)));
    OutboxMessage c = claimOne(at(1), "x");
    assertThat(store.outbox().markSending(c, at(1), LEASE)).isTrue();
    assertThat(store.outbox().markSent(c, at(2), receipt)).isTrue();
    assertThat(store.outbox().find("K-1").orElseThrow().receipt()).contains(receipt);

    String note = "向短信平台核实，已送达：" + "王五、李四".repeat(200);
    store.outbox().enqueue(message("K-2", at(0)));
    OutboxMessage c2 = claimOne(at(3), "x");
    assertThat(store.outbox().markSending(c2, at(3), LEASE)).isTrue();
    assertThat(store.outbox().confirmSent("K-2", at(3).plus(LEASE), note)).isTrue();
    assertThat(store.outbox().find("K-2").orElseThrow().receipt()).contains(note);
  }

  @Test
  @DisplayName("a send left in doubt is in doubt at once, and its owner's heartbeat does not hide it again")
  void aSendLeftInDoubtIsInDoubtAtOnceWhateverItsOwnersHeartbeat() {
    store.outbox().enqueue(message("K-1", at(0)));
    store.outbox().enqueue(message("K-2", at(0)));
    OutboxMessage c1 = claimOne(at(1), "x");
    OutboxMessage c2 = claimOne(at(1), "x");
    assertThat(store.outbox().leaveInDoubt(c1, at(2))).as("claimed, not being sent").isFalse();
    assertThat(store.outbox().markSending(c1, at(1), LEASE)).isTrue();
    assertThat(store.outbox().markSending(c2, at(1), LEASE)).isTrue();

    assertThat(store.outbox().leaveInDoubt(c1, at(2))).isTrue();
    assertThat(store.outbox().inDoubt(at(2))).extracting(OutboxMessage::key).containsExactly("K-1");
    assertThat(store.outbox().heartbeat("x", at(3), LEASE))
        .as("K-2 is being sent: it keeps the lease markSending gave it, and K-1's lapsed").isZero();
    assertThat(store.outbox().inDoubt(at(3))).extracting(OutboxMessage::key).containsExactly("K-1");
    assertThat(claimKeys(at(3), 5, "y")).as("never silently resent").isEmpty();
    assertThat(store.outbox().confirmSent("K-1", at(4), "confirmed by zhang")).isTrue();
    assertThat(store.outbox().leaveInDoubt(c1, at(5))).as("sent").isFalse();

    assertThat(store.outbox().leaveInDoubt(c2.withLeaseGeneration(c2.leaseGeneration() + 1), at(5)))
        .as("another generation's claim").isFalse();
    assertThat(store.outbox().inDoubt(at(5))).isEmpty();
  }

  @Test
  @DisplayName("an in-doubt message is reclaimed under a new generation for a deduplicating gateway")
  void inDoubtMessagesAreReclaimedForADeduplicatingGateway() {
    store.outbox().enqueue(message("K-1", at(0)));
    OutboxMessage c1 = claimOne(at(1), "x");
    store.outbox().markSending(c1, at(1), LEASE);
    assertThat(store.outbox().claimInDoubt(at(2), 5, "y", LEASE)).as("still in flight").isEmpty();
    List<OutboxMessage> again = store.outbox().claimInDoubt(at(1).plus(LEASE), 5, "y", LEASE);
    assertThat(again).singleElement().satisfies(m -> {
      assertThat(m.state()).isEqualTo(OutboxState.SENDING);
      assertThat(m.leaseGeneration()).isEqualTo(c1.leaseGeneration() + 1);
    });
    assertThat(store.outbox().markSent(c1, at(2).plus(LEASE), "r-x")).isFalse();
    assertThat(store.outbox().markSent(again.get(0), at(2).plus(LEASE), "r-y")).isTrue();
  }

  @Test
  void heartbeatExtendsTheOwnersLiveLeases() {
    store.outbox().enqueue(message("K-1", at(0)));
    store.outbox().enqueue(message("K-2", at(0)));
    store.outbox().claim(at(1), 1, "x", LEASE);
    store.outbox().claim(at(1), 1, "y", LEASE);
    assertThat(store.outbox().heartbeat("x", at(20), LEASE)).isEqualTo(1);
    assertThat(claimKeys(at(1).plus(LEASE), 5, "z")).containsExactly("K-2");
    assertThat(store.outbox().heartbeat("x", at(20).plus(LEASE), LEASE)).as("lapsed").isZero();
  }

  @Test
  void argumentsAreChecked() {
    assertThatThrownBy(() -> store.outbox().claim(at(0), 0, "x", LEASE)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listGivesAFaultsMessagesOldestFirstOrAllOfThem() {
    store.outbox().enqueue(message("F-1/B", Optional.of("F-1"), at(20)));
    store.outbox().enqueue(message("F-2/A", Optional.of("F-2"), at(10)));
    store.outbox().enqueue(message("F-1/A", Optional.of("F-1"), at(5)));
    store.outbox().enqueue(message("none", Optional.empty(), at(1)));
    assertThat(store.outbox().list(Optional.of("F-1"))).extracting(OutboxMessage::key)
        .containsExactly("F-1/A", "F-1/B");
    assertThat(store.outbox().list(Optional.empty())).extracting(OutboxMessage::key)
        .containsExactly("none", "F-1/A", "F-2/A", "F-1/B");
    assertThat(store.outbox().list(Optional.of("F-9"))).isEmpty();
  }

  @Test
  void concurrentClaimsNeverHandOutTheSameMessageTwice() throws Exception {
    for (int i = 0; i < 120; i++) {
      store.outbox().enqueue(message("K-" + i, at(i % 13)));
    }
    ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
    List<Object> results = race(4, () -> {
      String me = Thread.currentThread().getName();
      List<OutboxMessage> c;
      while (!(c = store.outbox().claim(at(100), 5, me, LEASE)).isEmpty()) {
        for (OutboxMessage m : c) {
          claimed.add(m.key());
          if (!store.outbox().markSending(m, at(101), LEASE) || !store.outbox().markSent(m, at(101), "r")) {
            throw new IllegalStateException("lost " + m.key());
          }
        }
      }
      return "done";
    });
    assertThat(results).containsOnly("done");
    Set<String> unique = new HashSet<>(claimed);
    assertThat(claimed).hasSize(120);
    assertThat(unique).hasSize(120);
  }

  @Test
  @DisplayName("SM-SMS-T05: the sweep mark is empty until advanced and never moves back")
  void theSweepMarkIsEmptyUntilAdvancedAndNeverMovesBack() {
    assertThat(store.outbox().sweepMark()).isEmpty();
    store.outbox().advanceSweepMark(at(100));
    assertThat(store.outbox().sweepMark()).contains(at(100));
    store.outbox().advanceSweepMark(at(50));
    assertThat(store.outbox().sweepMark()).as("an earlier mark does not move it back").contains(at(100));
    store.outbox().advanceSweepMark(at(100));
    assertThat(store.outbox().sweepMark()).contains(at(100));
    store.outbox().advanceSweepMark(at(101));
    assertThat(store.outbox().sweepMark()).contains(at(101));
    // the mark belongs to the outbox, not to its messages
    store.outbox().enqueue(message("K-1", at(0)));
    assertThat(store.outbox().sweepMark()).contains(at(101));
  }

  @Test
  @DisplayName("SM-SMS-T05: dispatchers advancing the sweep mark at once never move it back")
  void concurrentAdvancesNeverMoveTheSweepMarkBack() throws Exception {
    int threads = 4;
    int each = 40;
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    List<Object> results = race(threads, () -> {
      int me = next.getAndIncrement();
      java.util.Random random = new java.util.Random(me);
      Instant seen = Instant.MIN;
      for (int i = 0; i < each; i++) {
        // marks out of order within a thread and across threads
        Instant mark = at(random.nextInt(threads * each * 10));
        store.outbox().advanceSweepMark(mark);
        Instant now = store.outbox().sweepMark().orElseThrow();
        if (now.isBefore(mark) || now.isBefore(seen)) {
          return "moved back: advanced to " + mark + ", saw " + seen + " then " + now;
        }
        seen = now;
      }
      return "done";
    });
    assertThat(results).containsOnly("done");
    Instant highest = Instant.MIN;
    for (int t = 0; t < threads; t++) {
      java.util.Random random = new java.util.Random(t);
      for (int i = 0; i < each; i++) {
        Instant mark = at(random.nextInt(threads * each * 10));
        highest = mark.isAfter(highest) ? mark : highest;
      }
    }
    assertThat(store.outbox().sweepMark()).contains(highest);
  }

  /** Runs {@code call}, returning its result or the class of what it threw. */
  private static Object outcome(java.util.function.Supplier<Object> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }

  @Test
  @DisplayName("property: any sequence of enqueue, claim, markSent and markFailed behaves as the model")
  void behavesAsTheInMemoryModelUnderRandomOperations() {
    String[] keys = {"K-1", "K-2", "K-3", "K-4"};
    String[] owners = {"a", "b"};
    qt().withExamples(30).forAll(lists().of(integers().between(0, 9_999)).ofSizeBetween(1, 25)).checkAssert(ops -> {
      replaceStore();
      MessageOutbox real = store.outbox();
      MessageOutbox model = new InMemoryMessageOutbox();
      java.util.Map<String, OutboxMessage> realClaims = new java.util.HashMap<>();
      java.util.Map<String, OutboxMessage> modelClaims = new java.util.HashMap<>();
      for (int op : ops) {
        int kind = op % 7;
        String key = keys[(op / 5) % 4];
        Instant now = at(((op / 20) % 6) * 20L);
        String owner = owners[(op / 120) % 2];
        String step = kind + " " + key + " @" + now + " by " + owner;
        OutboxMessage none = message(key, now).withOwner(Optional.of(owner));
        OutboxMessage rc = realClaims.getOrDefault(key + owner, none);
        OutboxMessage mc = modelClaims.getOrDefault(key + owner, none);
        switch (kind) {
          case 0 -> assertThat(outcome(() -> real.enqueue(message(key, now)))).as(step)
              .isEqualTo(outcome(() -> model.enqueue(message(key, now))));
          case 1 -> {
            List<OutboxMessage> r = real.claim(now, 100, owner, LEASE);
            List<OutboxMessage> m = model.claim(now, 100, owner, LEASE);
            assertThat(r).as(step).isEqualTo(m);
            r.forEach(x -> realClaims.put(x.key() + owner, x));
            m.forEach(x -> modelClaims.put(x.key() + owner, x));
          }
          case 2 -> assertThat(real.markSent(rc, now, "r-" + key)).as(step)
              .isEqualTo(model.markSent(mc, now, "r-" + key));
          case 3 -> assertThat(real.markSending(rc, now, LEASE)).as(step)
              .isEqualTo(model.markSending(mc, now, LEASE));
          case 4 -> assertThat(real.markFailed(rc, "down", now.plusSeconds(30))).as(step)
              .isEqualTo(model.markFailed(mc, "down", now.plusSeconds(30)));
          case 5 -> assertThat(real.leaveInDoubt(rc, now)).as(step).isEqualTo(model.leaveInDoubt(mc, now));
          default -> assertThat(real.heartbeat(owner, now, LEASE)).as(step)
              .isEqualTo(model.heartbeat(owner, now, LEASE));
        }
        assertThat(real.inDoubt(now)).as(step).isEqualTo(model.inDoubt(now));
        assertThat(real.list(Optional.empty())).as(step).isEqualTo(model.list(Optional.empty()));
      }
    });
  }
}
