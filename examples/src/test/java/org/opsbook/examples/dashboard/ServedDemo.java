package org.opsbook.examples.dashboard;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.opsbook.core.time.MutableClock;
import org.opsbook.examples.cli.Commands;
import org.opsbook.examples.demo.DemoRun;
import org.opsbook.examples.host.ConsoleGateway;
import org.opsbook.examples.host.Database;
import org.opsbook.examples.host.OpsHost;
import org.opsbook.examples.http.OpsHttpServer;

/**
 * The demo's day in a data folder, served as {@code ./opsbook serve} serves it: the decision API and the dashboard
 * over that folder, the console gateway printing into {@link #sms()}. The wall clock stands before the demo's day,
 * so the dashboard shows it as of its end, as it would on any later day with no newer data.
 */
final class ServedDemo implements AutoCloseable {
  private final DemoRun demo;
  private final OpsHost host;
  private final OpsHttpServer server;
  private final ByteArrayOutputStream sms = new ByteArrayOutputStream();
  private final HttpClient client = HttpClient.newHttpClient();

  private ServedDemo(Path folder) throws Exception {
    this.demo = DemoRun.of(false, "--data", folder.toString());
    if (demo.status() != 0) {
      throw new IllegalStateException("the demo failed: " + demo.err());
    }
    Clock clock = Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC);
    this.host = OpsHost.open(Database.inFolder(folder),
        ConsoleGateway.printingTo(new PrintStream(sms, true, UTF_8), clock), (duty, owing) -> { }, "dashboard-test",
        MutableClock.at(clock.instant()));
    this.server = new Dashboard(host, clock).install(OpsHttpServer.builder(Commands.decisionApi()).port(0))
        .build().start();
  }

  /** Runs the demo into {@code folder} and serves it. */
  static ServedDemo in(Path folder) throws Exception {
    return new ServedDemo(folder);
  }

  DemoRun demo() {
    return demo;
  }

  OpsHost host() {
    return host;
  }

  /** Returns what the console gateway printed. */
  String sms() {
    return sms.toString(UTF_8);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
        HttpResponse.BodyHandlers.ofString(UTF_8));
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url(path)))
        .POST(HttpRequest.BodyPublishers.ofString(body.replace('\'', '"'), UTF_8))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString(UTF_8));
  }

  @Override
  public void close() throws Exception {
    server.close();
    host.close();
  }
}
