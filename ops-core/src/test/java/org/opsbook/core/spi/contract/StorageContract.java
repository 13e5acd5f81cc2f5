package org.opsbook.core.spi.contract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.opsbook.core.Actor;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;

/**
 * The base of every port contract suite: a fresh, empty store per test from {@link #newFixture()}, and helpers for
 * building values and running code on several threads at once. A backend subclasses each suite once.
 */
public abstract class StorageContract {
  /** A fixed instant all tests count from. */
  protected static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");

  /** The store under test. */
  protected StorageFixture store;

  /** Returns a new, empty store. */
  protected abstract StorageFixture newFixture() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = newFixture();
  }

  @AfterEach
  void closeStore() throws Exception {
    store.close();
  }

  /** Closes the store and puts a new, empty one in its place: each example of a property starts from nothing. */
  protected final void replaceStore() {
    try {
      store.close();
      store = newFixture();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns {@code T0} plus {@code seconds}. */
  protected static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  /** Returns an audit entry of {@code stream}. */
  protected static AuditEntry entry(String stream, String action, Instant at) {
    return AuditEntry.builder().stream(stream).at(at).actorId("zhang").action(action).fromState("A")
        .toState("B").addRuleIds(RuleId.of("DATAOP-MOD-18")).putDetail("ref", action).build();
  }

  /** Returns a city data processor. */
  protected static Actor processor() {
    return Actor.builder().id("li").addRoles(Role.DATA_PROCESSOR_CITY, Role.TECH_APPROVER).org("运营管理室").build();
  }

  /**
   * Runs {@code task} on {@code threads} threads released together and returns what each returned or threw (as the
   * exception), in thread order.
   */
  protected static <T> List<Object> race(int threads, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          try {
            return task.call();
          } catch (Exception e) {
            return e;
          }
        }));
      }
      start.countDown();
      List<Object> out = new ArrayList<>();
      for (Future<Object> f : futures) {
        out.add(f.get(60, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
