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
import org.opsbook.core.memory.InMemoryMessageOutbox;
import org.opsbook.core.spi.MessageOutbox;
import org.opsbook.core.Role;
import org.opsbook.core.spi.OutboxMessage;
import org.opsbook.core.spi.OutboxState;

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

  @Test
  void aSentMessageIsFinalAndMarkingItSentAgainChangesNothing() {
    store.outbox().enqueue(message("K-1", at(0)));
    claimKeys(at(1), 5, "x");
    store.outbox().markSent("K-1", at(2), "rec-1");
    OutboxMessage sent = store.outbox().find("K-1").orElseThrow();
    assertThat(sent.state()).isEqualTo(OutboxState.SENT);
    assertThat(sent.sentAt()).contains(at(2));
    assertThat(sent.receipt()).contains("rec-1");
    store.outbox().markSent("K-1", at(9), "rec-2");
    assertThat(store.outbox().find("K-1")).contains(sent);
    store.outbox().markFailed("K-1", "x", "late failure", at(20));
    assertThat(store.outbox().find("K-1")).contains(sent);
    assertThat(claimKeys(at(1000), 5, "y")).isEmpty();
  }

  @Test
  void aFailedAttemptKeepsTheMessagePendingWithItsErrorUntilTheRetryTime() {
    store.outbox().enqueue(message("K-1", at(0)));
    claimKeys(at(1), 5, "x");
    store.outbox().markFailed("K-1", "x", "gateway timeout", at(60));
    OutboxMessage m = store.outbox().find("K-1").orElseThrow();
    assertThat(m.state()).isEqualTo(OutboxState.PENDING);
    assertThat(m.attempts()).isEqualTo(1);
    assertThat(m.lastError()).contains("gateway timeout");
    assertThat(m.nextAttemptAt()).isEqualTo(at(60));
    assertThat(claimKeys(at(59), 5, "y")).isEmpty();
    assertThat(claimKeys(at(60), 5, "y")).containsExactly("K-1");
    store.outbox().markSent("K-1", at(61), "rec-9");
    OutboxMessage sent = store.outbox().find("K-1").orElseThrow();
    assertThat(sent.lastError()).isEmpty();
    assertThat(sent.attempts()).isEqualTo(1);
  }

  @Test
  void markingAnUnknownKeyIsInvalidInput() {
    assertThatThrownBy(() -> store.outbox().markSent("nope", at(0), "r"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("key"));
    assertThatThrownBy(() -> store.outbox().markFailed("nope", "x", "e", at(0)))
        .isInstanceOf(InvalidInputException.class);
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
          store.outbox().markSent(m.key(), at(101), "r-" + m.key());
        }
      }
      return "done";
    });
    assertThat(results).containsOnly("done");
    Set<String> unique = new HashSet<>(claimed);
    assertThat(claimed).hasSize(120);
    assertThat(unique).hasSize(120);
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
      try {
        store.close();
        store = newFixture();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      MessageOutbox real = store.outbox();
      MessageOutbox model = new InMemoryMessageOutbox();
      for (int op : ops) {
        int kind = op % 4;
        String key = keys[(op / 4) % 4];
        Instant now = at(((op / 16) % 6) * 20L);
        String owner = owners[(op / 96) % 2];
        String step = kind + " " + key + " @" + now + " by " + owner;
        switch (kind) {
          case 0 -> assertThat(outcome(() -> real.enqueue(message(key, now)))).as(step)
              .isEqualTo(outcome(() -> model.enqueue(message(key, now))));
          case 1 -> assertThat(outcome(() -> real.claim(now, 100, owner, LEASE).stream().map(OutboxMessage::key)
              .toList())).as(step).isEqualTo(outcome(() -> model.claim(now, 100, owner, LEASE).stream()
                  .map(OutboxMessage::key).toList()));
          case 2 -> assertThat(outcome(() -> {
            real.markSent(key, now, "r-" + key);
            return "ok";
          })).as(step).isEqualTo(outcome(() -> {
            model.markSent(key, now, "r-" + key);
            return "ok";
          }));
          default -> assertThat(outcome(() -> {
            real.markFailed(key, owner, "down", now.plusSeconds(30));
            return "ok";
          })).as(step).isEqualTo(outcome(() -> {
            model.markFailed(key, owner, "down", now.plusSeconds(30));
            return "ok";
          }));
        }
        assertThat(real.list(Optional.empty())).as(step).isEqualTo(model.list(Optional.empty()));
      }
    });
  }
}
