package org.opsbook.examples.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.core.time.MutableClock;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.examples.cli.Commands;
import org.opsbook.examples.host.ConsoleGateway;
import org.opsbook.examples.host.Database;
import org.opsbook.examples.host.OpsHost;
import org.opsbook.examples.host.People;
import org.opsbook.examples.http.OpsHttpServer;
import org.opsbook.examples.http.SignIn;
import org.opsbook.json.OpsJson;

/**
 * The server's API over an H2 database in a test folder, set up as {@code serve} sets it up (the state API, the
 * OpenAPI document, health, metrics, the reminders), with the demo's people signed in by a trusted-proxy header (the
 * tests check the API, not the sign-in), the engine's clock at {@link #START} and its loops off: a test steps them
 * with {@code runDueWork} or starts them.
 */
final class ServedApi implements AutoCloseable {
  static final Instant START = Instant.parse("2026-11-26T01:00:00Z");
  private static final String WHO = "X-Test-Person";

  private final OpsHost host;
  private final Operability operability = new Operability();
  private final Reminders reminders;
  private final OpsHttpServer server;
  private final ByteArrayOutputStream sms = new ByteArrayOutputStream();

  ServedApi(Path folder, Reminders.Config config) throws Exception {
    this(folder, config, StandardWorkCalendar.weekdays());
  }

  ServedApi(Path folder, Reminders.Config config, WorkCalendar calendar) throws Exception {
    MutableClock clock = MutableClock.at(START);
    this.reminders = new Reminders(config, operability, clock, calendar.zone());
    this.host = OpsHost.open(Database.inFolder(folder), People.demo(), calendar,
        operability.measuring(ConsoleGateway.printingTo(new PrintStream(sms, true, UTF_8), clock)), reminders,
        operability.storageErrors(), "api-test", clock);
    operability.attach(host.engine());
    OpsHttpServer.Builder b = OpsHttpServer.builder(Commands.decisionApi()).port(0)
        .signIn(SignIn.trustedProxy(WHO, host.people().directory()));
    this.server = StateApi.install(b, host.engine(), operability, reminders, true).build().start();
  }

  OpsHost host() {
    return host;
  }

  Operability operability() {
    return operability;
  }

  Reminders reminders() {
    return reminders;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  /** Returns a client acting as {@code personId}, with the session's CSRF token. */
  Client as(String personId) throws Exception {
    Client c = new Client(personId);
    c.csrf = OpsJson.parse(c.get("/api/session").body()).get("csrfToken").asText();
    return c;
  }

  /** Returns a client signed in as nobody. */
  Client anonymous() {
    return new Client(null);
  }

  /** An HTTP client with its own cookies. */
  final class Client {
    private final String person;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String csrf;

    private Client(String person) {
      this.person = person;
    }

    HttpResponse<String> get(String path) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    /** POSTs JSON; single quotes stand for double ones. */
    HttpResponse<String> post(String path, String json) throws Exception {
      return post(path, json, Map.of());
    }

    /** POSTs JSON with more headers; single quotes in the body stand for double ones. */
    HttpResponse<String> post(String path, String json, Map<String, String> headers) throws Exception {
      HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url(path)))
          .POST(HttpRequest.BodyPublishers.ofString(json.replace('\'', '"'), UTF_8))
          .header("Content-Type", "application/json");
      headers.forEach(r::header);
      return send(r);
    }

    private HttpResponse<String> send(HttpRequest.Builder r) throws Exception {
      if (person != null) {
        r.header(WHO, person);
      }
      if (csrf != null) {
        r.header("X-CSRF-Token", csrf);
      }
      return http.send(r.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }
  }

  @Override
  public void close() throws Exception {
    server.close();
    host.close();
  }
}
