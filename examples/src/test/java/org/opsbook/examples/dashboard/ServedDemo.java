package org.opsbook.examples.dashboard;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.spi.MessageGateway;
import org.opsbook.core.spi.MessageGateway.SendReceipt;
import org.opsbook.core.time.MutableClock;
import org.opsbook.examples.cli.Commands;
import org.opsbook.examples.demo.DemoRun;
import org.opsbook.examples.host.ConsoleGateway;
import org.opsbook.examples.host.Database;
import org.opsbook.examples.host.OpsHost;
import org.opsbook.examples.http.Credentials;
import org.opsbook.examples.http.OpsHttpServer;
import org.opsbook.examples.http.SignIn;
import org.opsbook.engine.OpsEngine;
import org.opsbook.json.OpsJson;
import org.opsbook.notify.HandlingParty;
import org.opsbook.notify.MessageContent;
import org.opsbook.notify.MessageType;
import org.opsbook.notify.SmsKey;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The demo's day in a data folder, served as {@code ./opsbook serve} serves it: the decision API and the dashboard
 * over that folder, the console gateway printing into {@link #sms()}, and password sign-in for the team leader
 * (lisi), the duty officer (zhangsan) and the 68284 desk (sunba), each with the password {@link #password}. The wall
 * clock stands before the demo's day, so the dashboard shows it as of its end, as it would on any later day with no
 * newer data.
 */
public final class ServedDemo implements AutoCloseable {
  private static final List<String> SIGN_IN = List.of("lisi", "zhangsan", "sunba");

  private final DemoRun demo;
  private final OpsHost host;
  private final OpsHttpServer server;
  private final ByteArrayOutputStream sms = new ByteArrayOutputStream();
  private final Map<String, Client> clients = new ConcurrentHashMap<>();
  /** How many times each SMS was handed to the gateway, by key. */
  private final Map<String, Integer> handed = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicBoolean timeOutNextSend =
      new java.util.concurrent.atomic.AtomicBoolean();

  private ServedDemo(Path folder, int runs) throws Exception {
    DemoRun last = null;
    for (int i = 0; i < runs; i++) {
      last = DemoRun.of(false, "--data", folder.toString());
      if (last.status() != 0) {
        throw new IllegalStateException("the demo failed: " + last.err());
      }
    }
    this.demo = last;
    Clock clock = Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC);
    MessageGateway console = ConsoleGateway.printingTo(new PrintStream(sms, true, UTF_8), clock);
    MessageGateway gateway = m -> {
      handed.merge(m.idempotencyKey(), 1, Integer::sum);
      SendReceipt taken = console.send(m);
      if (timeOutNextSend.getAndSet(false)) {
        throw new IllegalStateException("read timed out after the platform took the SMS");
      }
      return taken;
    };
    this.host = OpsHost.open(Database.inFolder(folder), gateway, (duty, owing) -> { }, "dashboard-test",
        MutableClock.at(clock.instant()));
    Map<String, String> hashes = new LinkedHashMap<>();
    // cost 4: the test checks the sign-in, not BCrypt's slowness
    SIGN_IN.forEach(id -> hashes.put(id, BCrypt.hashpw(password(id), BCrypt.gensalt(4))));
    this.server = new Dashboard(host, clock).install(OpsHttpServer.builder(Commands.decisionApi()).port(0)
        .signIn(SignIn.passwords(host.people().directory(), Credentials.hashed(hashes)))).build().start();
  }

  /** Runs the demo into {@code folder} and serves it. */
  public static ServedDemo in(Path folder) throws Exception {
    return new ServedDemo(folder, 1);
  }

  /** Runs the demo {@code runs} times into {@code folder} (IDs suffixed {@code -r2} … from the second) and serves it. */
  public static ServedDemo afterRuns(Path folder, int runs) throws Exception {
    return new ServedDemo(folder, runs);
  }

  /** Returns the password of a person who may sign in. */
  public static String password(String id) {
    return id + "-secret";
  }

  DemoRun demo() {
    return demo;
  }

  OpsHost host() {
    return host;
  }

  /**
   * Makes the next send time out after the SMS platform took it (the console prints it, then the gateway throws), as a
   * read timeout would: the send is left in doubt for the 68284 desk.
   */
  public void timeOutNextSend() {
    timeOutNextSend.set(true);
  }

  /**
   * Opens a fault at {@code at} (the host's clock set there) and takes its first notification through the draft
   * (zhangsan), the review (lisi) and the briefing of the team leader, the supervisor and the room manager, so that
   * the 68284 desk may send it.
   */
  public SmsKey approvedNotification(String faultId, Instant at) {
    host.clock().set(at);
    OpsEngine engine = host.engine();
    engine.faults().open(faultId, FaultFacts.builder().faultId(faultId).nature(FaultNature.SYSTEM).subjectName("BOSS")
        .faultStartTime(at).complaintCount(30).build(), "zhangsan");
    Obligation notify = engine.faults().duties(faultId).stream().filter(o -> MessageType.askedBy(o).isPresent())
        .findFirst().orElseThrow();
    SmsKey key = engine.messages().plan(notify).key();
    engine.messages().draft(key, "zhangsan", MessageContent.builder().phenomenon("缴费失败").cause("待查").scope("全市")
        .handlingParty(HandlingParty.IT_CENTER).eta("待定").followUpPerson("张三").build()).orThrow();
    engine.messages().submit(key, "zhangsan").orThrow();
    // each told in their own role (NOTIFY-REVIEW-03): the team leader, the room supervisor, the room manager
    engine.faults().told(faultId, Role.FAULT_TEAM_LEADER, "lisi", "zhangsan");
    engine.faults().told(faultId, Role.ROOM_SUPERVISOR, "wangwu", "zhangsan");
    engine.faults().told(faultId, Role.ROOM_MANAGER, "zhaoliu", "zhangsan");
    String text = engine.messages().find(key).orElseThrow().record().text().orElseThrow();
    engine.messages().approve(key, "lisi", text).orThrow();
    return key;
  }

  /** Returns how many times the SMS {@code key} was handed to the gateway. */
  public int handedToGateway(String key) {
    return handed.getOrDefault(key, 0);
  }

  /** Returns what the console gateway printed. */
  public String sms() {
    return sms.toString(UTF_8);
  }

  /** Returns the server's port. */
  public int port() {
    return server.port();
  }

  /** Returns the URL of {@code path}. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  /** Returns a client signed in as {@code id} (signing in once). */
  public Client as(String id) {
    return clients.computeIfAbsent(id, i -> {
      Client c = new Client(this);
      try {
        HttpResponse<String> r = c.form("/login", Map.of("id", i, "password", password(i)));
        if (r.statusCode() != 303) {
          throw new IllegalStateException("cannot sign in as " + i + ": " + r.statusCode() + " " + r.body());
        }
        c.csrf = OpsJson.parse(c.get("/api/session").body()).get("csrfToken").asText();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return c;
    });
  }

  /** Returns a client that carries the session cookie of {@code id} but not its CSRF token. */
  public Client anonymousWithCookiesOf(String id) {
    Client signedIn = as(id);
    Client c = new Client(this, signedIn.http);
    return c;
  }

  /** Returns a client signed in as nobody. */
  public Client anonymous() {
    return new Client(this);
  }

  /** An HTTP client with its own cookies, sending the session's CSRF token once signed in. */
  public static final class Client {
    private final ServedDemo served;
    private final HttpClient http;
    private String csrf;

    private Client(ServedDemo served) {
      this(served, HttpClient.newBuilder().cookieHandler(new CookieManager()).build());
    }

    private Client(ServedDemo served, HttpClient http) {
      this.served = served;
      this.http = http;
    }

    /** GETs {@code path}. */
    public HttpResponse<String> get(String path) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(served.url(path))).GET());
    }

    /** POSTs JSON (single quotes stand for double ones) with the CSRF token, if signed in. */
    public HttpResponse<String> post(String path, String body) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(served.url(path)))
          .POST(HttpRequest.BodyPublishers.ofString(body.replace('\'', '"'), UTF_8))
          .header("Content-Type", "application/json"));
    }

    /** POSTs an HTML form. */
    public HttpResponse<String> form(String path, Map<String, String> fields) throws Exception {
      StringBuilder b = new StringBuilder();
      fields.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(URLEncoder.encode(k, UTF_8)).append('=')
          .append(URLEncoder.encode(v, UTF_8)));
      return send(HttpRequest.newBuilder(URI.create(served.url(path)))
          .POST(HttpRequest.BodyPublishers.ofString(b.toString(), UTF_8))
          .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** Sends a request, adding the CSRF token when signed in. */
    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      if (csrf != null) {
        request.header("X-CSRF-Token", csrf);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }
  }

  @Override
  public void close() throws Exception {
    server.close();
    host.close();
  }
}
