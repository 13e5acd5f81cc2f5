package org.opsbook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.opsbook.core.internal.memory.RecordingMessageGateway;
import org.opsbook.engine.EngineFixture;
import org.opsbook.engine.OpsEngine;
import org.opsbook.jdbc.OpsJdbc;

/**
 * The lifecycle stops the engine's loops when the context stops and starts them when it starts again (a checkpoint
 * and restore does both): the engine keeps its storage until the context closes it.
 */
class OpsEngineLifecycleTest {
  @Test
  void aContextStoppedAndStartedAgainRunsTheEngineOnThePoolItOpened() {
    OpsEngine engine = OpsEngine.builder().database(OpsJdbc.h2MemoryUrl("lifecycle_" + System.nanoTime()), 2)
        .directory(EngineFixture.people()).gateway(new RecordingMessageGateway(Clock.systemUTC())).build();
    try {
      OpsEngineLifecycle lifecycle = new OpsEngineLifecycle(engine, true);
      lifecycle.start();
      assertThat(lifecycle.isRunning()).isTrue();
      lifecycle.stop();
      assertThat(lifecycle.isRunning()).isFalse();

      lifecycle.start();
      assertThat(lifecycle.isRunning()).isTrue();
      // the engine still reaches its database: before, the stop had closed the pool it opened
      engine.faults().open("F-1", EngineFixture.l1("F-1"), "zhangsan");
      assertThat(engine.faults().duties("F-1")).isNotEmpty();
    } finally {
      engine.close();
    }
    assertThat(engine.isRunning()).isFalse();
  }
}
