package org.opsbook.spring;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opsbook.engine.OpsEngine;
import org.springframework.context.SmartLifecycle;

/**
 * API: binds the engine's loops to the application context: {@link OpsEngine#start()} when the context starts (when
 * {@code opsbook.start-loops} is true) and {@link OpsEngine#stop()} when it stops, which waits for the round in
 * progress and keeps the engine's storage open, so a context stopped and started again (a checkpoint and restore)
 * runs again; the engine bean's {@code close()} ends it with the context. Its phase starts the loops before a web
 * server opens and stops them after it closed. Thread-safe.
 */
public final class OpsEngineLifecycle implements SmartLifecycle {
  /** Before the web server's start (and after its graceful shutdown). */
  public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

  private final OpsEngine engine;
  private final boolean autoStartup;

  /**
   * Binds {@code engine}.
   *
   * @param autoStartup whether the context's start starts the loops ({@code opsbook.start-loops})
   */
  public OpsEngineLifecycle(OpsEngine engine, boolean autoStartup) {
    this.engine = checkNotNull(engine, "engine");
    this.autoStartup = autoStartup;
  }

  @Override
  public synchronized void start() {
    if (!engine.isRunning()) {
      engine.start();
    }
  }

  @Override
  public synchronized void stop() {
    if (!engine.stop()) {
      LOG.warn("opsbook: the engine's loops did not end within opsbook.stop-timeout; a send in progress may be"
          + " left in doubt for the 68284 desk to resolve");
    }
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OpsEngineLifecycle.class);

  @Override
  public boolean isRunning() {
    return engine.isRunning();
  }

  @Override
  public boolean isAutoStartup() {
    return autoStartup;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
