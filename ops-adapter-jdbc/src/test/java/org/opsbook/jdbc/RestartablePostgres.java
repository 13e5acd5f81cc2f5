package org.opsbook.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A PostgreSQL of its own (the embedded binaries) that a test may stop and start again on the same data directory and
 * port, as an operator or a crash would: {@link #stop(Shutdown)} signals the postmaster (SIGINT for a fast shutdown,
 * SIGQUIT for an immediate one, which leaves crash recovery to the next start), {@link #start()} brings it back. Clients
 * keep the same URL throughout.
 */
final class RestartablePostgres implements AutoCloseable {
  /** How the server is stopped (PostgreSQL's shutdown modes). */
  enum Shutdown {
    /** SIGINT: sessions are ended, a checkpoint is written. */
    FAST("INT"),
    /** SIGQUIT: every process exits at once, no checkpoint; the next start recovers from the WAL. */
    IMMEDIATE("QUIT");

    private final String signal;

    Shutdown(String signal) {
      this.signal = signal;
    }
  }

  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres server;

  private RestartablePostgres(Path dataDirectory, int port) {
    this.dataDirectory = dataDirectory;
    this.port = port;
  }

  /** Initialises a fresh cluster in a temporary directory and starts it. */
  static RestartablePostgres create() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    RestartablePostgres pg = new RestartablePostgres(Files.createTempDirectory("opsbook-restartable-pg-"), port);
    pg.start();
    return pg;
  }

  /** The superuser's JDBC URL; the same across restarts. */
  String baseUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
  }

  /** Starts the server on the existing data directory (after a stop). */
  synchronized void start() throws IOException {
    if (server != null) {
      // releases the previous instance's lock on the directory; its server is already down
      server.close();
    }
    server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port)
        .setPGStartupWait(Duration.ofSeconds(120)).setRegisterShutdownHook(false).start();
  }

  /** Stops the server in the given mode and waits until the postmaster has exited. */
  synchronized void stop(Shutdown mode) throws IOException, InterruptedException {
    long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8)
        .get(0).trim());
    new ProcessBuilder("kill", "-" + mode.signal, Long.toString(pid)).inheritIO().start().waitFor();
    ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
    if (postmaster == null) {
      return;
    }
    try {
      postmaster.onExit().get(120, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("the postmaster did not exit", e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (server != null) {
      server.close();
      server = null;
    }
    try (Stream<Path> files = Files.walk(dataDirectory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
