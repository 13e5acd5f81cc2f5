package org.opsbook.examples.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Person;
import org.opsbook.core.Role;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.time.MutableClock;
import org.opsbook.examples.cli.Commands;
import org.opsbook.examples.http.OpsHttpServer.Access;
import org.opsbook.examples.http.OpsHttpServer.Reply;
import org.opsbook.json.OpsJson;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The server's guard layer, promise by promise: sign-in and its cookie, the person taken from the session only, the
 * CSRF token, the Origin and Host checks, the body limit, strict UTF-8, the caps on events and steps, the time bound,
 * JSON for every error (Jetty's own too), the security headers and the masked access log.
 */
class ServerSecurityTest {
  private static final InMemoryDirectory PEOPLE = InMemoryDirectory.of(List.of(
      Person.builder().id("lisi").name("李四").phone("13800000102").addRoles(Role.FAULT_TEAM_LEADER).build(),
      Person.builder().id("zhangsan").name("张三").phone("13800000101").addRoles(Role.ESC_DUTY).build(),
      Person.builder().id("wangwu").name("王五").addRoles(Role.ROOM_SUPERVISOR).build(),
      Person.builder().id("zhaoliu").name("赵六").addRoles(Role.ROOM_SUPERVISOR).build()));
  private static final CountDownLatch NEVER = new CountDownLatch(1);
  private static final ConcurrentLinkedQueue<String> LOG = new ConcurrentLinkedQueue<>();
  private static OpsHttpServer server;

  @BeforeAll
  static void start() throws Exception {
    server = OpsHttpServer.builder(Commands.decisionApi()).port(0)
        .signIn(SignIn.passwords(PEOPLE, Credentials.hashed(Map.of("lisi", BCrypt.hashpw("lisi-pw",
            BCrypt.gensalt(4)), "zhangsan", BCrypt.hashpw("zhangsan-pw", BCrypt.gensalt(4)), "wangwu", BCrypt.hashpw("wangwu-pw",
            BCrypt.gensalt(4)), "zhaoliu", BCrypt.hashpw("zhaoliu-pw", BCrypt.gensalt(4))))))
        .accessLog(LOG::add)
        .route("/api/whoami", Access.SIGNED_IN, ex -> Reply.json(200, OpsJson.write(OpsJson.object()
            .put("id", ex.signedIn().id()).put("body", ex.body()).put("query", ex.query())
            .put("test", ex.header("x-TEST").orElse("")))))
        .build().start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  // ---- sign-in ----

  @Test
  void aSignedInRouteWithoutASessionIsUnauthenticated() throws Exception {
    HttpResponse<String> r = anonymous().send(post("/api/whoami", "{}").build(), body());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(error(r).get("code").asText()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void signingInSetsAnHttpOnlySameSiteStrictCookieAndTheSessionNamesThePerson() throws Exception {
    HttpClient c = anonymous();
    HttpResponse<String> login = c.send(form("lisi", "lisi-pw"), body());
    assertThat(login.statusCode()).isEqualTo(303);
    assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("opsbook-session=")
        .contains("HttpOnly", "SameSite=Strict", "Path=/");
    JsonNode session = OpsJson.parse(c.send(get("/api/session"), body()).body());
    assertThat(session.get("id").asText()).isEqualTo("lisi");
    assertThat(session.get("roles").toString()).isEqualTo("[\"FAULT_TEAM_LEADER\"]");
    String csrf = session.get("csrfToken").asText();

    // the body's reviewerId does not change who acts: the session does
    HttpResponse<String> r = c.send(post("/api/whoami?x=1", "{\"reviewerId\": \"zhangsan\"}")
        .header("X-CSRF-Token", csrf).header("X-Test", "t").build(), body());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(OpsJson.parse(r.body()).get("id").asText()).isEqualTo("lisi");
    assertThat(OpsJson.parse(r.body()).get("query").asText()).isEqualTo("x=1");
    assertThat(OpsJson.parse(r.body()).get("test").asText()).isEqualTo("t");
  }

  @Test
  void aWrongPasswordOrAnUnknownPersonIsRefused() throws Exception {
    HttpResponse<String> wrong = anonymous().send(form("lisi", "guess"), body());
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(anonymous().send(form("nobody", "lisi-pw"), body()).statusCode()).isEqualTo(401);
  }

  @Test
  void fiveFailedSignInsLockThatIdFromThatAddressForAMinute() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(anonymous().send(form("WangWu", "guess-" + i), body()).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> locked = anonymous().send(form("wangwu", "wangwu-pw"), body());
    assertThat(locked.statusCode()).as("even the right password waits").isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    assertThat(anonymous().send(form("lisi", "lisi-pw"), body()).statusCode()).as("another ID is not locked")
        .isEqualTo(303);
  }

  @Test
  void failedSignInsUnderEverySpellingOfAnIdLockThatId() throws Exception {
    // full-width letters and case fold to the one ID sign-in looks up; each spelling once had five guesses of its own
    for (String spelling : List.of("ＺＨＡＯＬＩＵ", "ｚhaoliu", "ZhaoLiu", "zｈａｏliu", " zhaoliu")) {
      HttpRequest guess = HttpRequest.newBuilder(URI.create(url("/login")))
          .POST(HttpRequest.BodyPublishers.ofString("id=" + URLEncoder.encode(spelling, UTF_8) + "&password=guess"))
          .header("Content-Type", "application/x-www-form-urlencoded").build();
      assertThat(anonymous().send(guess, body()).statusCode()).as(spelling).isEqualTo(401);
    }
    assertThat(anonymous().send(form("zhaoliu", "zhaoliu-pw"), body()).statusCode()).as("even the right password")
        .isEqualTo(429);
  }

  @Test
  void aOneTimePasswordWorksOnce() {
    Credentials.OneTime once = Credentials.oneTime(List.of("lisi"));
    String password = once.passwords().get("lisi");
    assertThat(password).matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}");
    assertThat(once.credentials().verify("lisi", password)).isTrue();
    assertThat(once.credentials().verify("lisi", password)).isFalse();
  }

  @Test
  void anUnknownIdIsCheckedAtTheCostOfTheKnownOnesSoAnAnswersTimeDoesNotSayWhoMaySignIn() {
    // one-time passwords are hashed at cost 10: an unknown ID checked at 12 took four times as long to refuse
    assertThat(Credentials.oneTime(List.of("lisi", "wangwu")).credentials().decoyCost()).isEqualTo(10);
    String at11 = BCrypt.hashpw("pw", BCrypt.gensalt(11));
    assertThat(Credentials.hashed(Map.of("a", at11, "b", at11, "c", BCrypt.hashpw("pw", BCrypt.gensalt(4))))
        .decoyCost()).as("the cost most of the people file's hashes have").isEqualTo(11);
    assertThat(Credentials.hashed(Map.of()).decoyCost()).isEqualTo(Credentials.COST);
  }

  @Test
  void aStateChangeWithoutTheSessionsCsrfTokenIsRefused() throws Exception {
    HttpClient c = signedIn("zhangsan");
    HttpResponse<String> r = c.send(post("/api/whoami", "{}").build(), body());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(error(r).get("code").asText()).isEqualTo("CSRF");
    HttpResponse<String> forged = c.send(post("/api/whoami", "{}").header("X-CSRF-Token", "forged").build(), body());
    assertThat(forged.statusCode()).isEqualTo(403);
  }

  @Test
  void signingOutEndsTheSession() throws Exception {
    HttpClient c = signedIn("lisi");
    String csrf = OpsJson.parse(c.send(get("/api/session"), body()).body()).get("csrfToken").asText();
    HttpResponse<String> out = c.send(post("/logout", "").header("X-CSRF-Token", csrf).build(), body());
    assertThat(out.statusCode()).isEqualTo(200);
    assertThat(c.send(get("/api/session"), body()).statusCode()).isEqualTo(401);
  }

  @Test
  void aSessionEndsAfterAnHourUnusedAndTwelveHoursInAll() throws Exception {
    MutableClock clock = MutableClock.at(Instant.parse("2026-11-26T00:00:00Z"));
    try (OpsHttpServer timed = OpsHttpServer.builder(Commands.decisionApi()).port(0).clock(clock)
        .signIn(SignIn.passwords(PEOPLE, Credentials.hashed(Map.of("lisi", BCrypt.hashpw("pw", BCrypt.gensalt(4))))))
        .build().start()) {
      String base = "http://127.0.0.1:" + timed.port();
      HttpClient c = anonymous();
      HttpRequest session = HttpRequest.newBuilder(URI.create(base + "/api/session")).build();
      HttpRequest login = HttpRequest.newBuilder(URI.create(base + "/login"))
          .POST(HttpRequest.BodyPublishers.ofString("id=lisi&password=pw")).build();
      assertThat(c.send(login, body()).statusCode()).isEqualTo(303);
      for (int i = 0; i < 12; i++) {
        clock.advance(Duration.ofMinutes(59));
        assertThat(c.send(session, body()).statusCode()).as("used every 59 minutes").isEqualTo(200);
      }
      clock.advance(Duration.ofMinutes(59));
      assertThat(c.send(session, body()).statusCode()).as("past twelve hours").isEqualTo(401);
      assertThat(c.send(login, body()).statusCode()).isEqualTo(303);
      clock.advance(Duration.ofMinutes(61));
      assertThat(c.send(session, body()).statusCode()).as("an hour unused").isEqualTo(401);
    }
  }

  @Test
  void aTrustedProxyNamesThePersonInItsHeader() throws Exception {
    try (OpsHttpServer proxied = OpsHttpServer.builder(Commands.decisionApi()).port(0)
        .signIn(SignIn.trustedProxy("X-Remote-User", PEOPLE))
        .route("/api/whoami", Access.SIGNED_IN, ex -> Reply.json(200, "{\"id\": \"" + ex.signedIn().id() + "\"}"))
        .build().start()) {
      HttpClient c = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      String base = "http://127.0.0.1:" + proxied.port();
      HttpResponse<String> s = c.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
          .header("X-Remote-User", "ZhangSan").build(), body());
      assertThat(s.statusCode()).isEqualTo(200);
      assertThat(OpsJson.parse(s.body()).get("id").asText()).isEqualTo("zhangsan");
      assertThat(c.send(HttpRequest.newBuilder(URI.create(base + "/api/whoami")).build(), body()).statusCode())
          .as("no header, no person").isEqualTo(401);
      assertThat(c.send(HttpRequest.newBuilder(URI.create(base + "/api/whoami")).header("X-Remote-User", "stranger")
          .build(), body()).statusCode()).as("not in the directory").isEqualTo(401);
      assertThat(c.send(HttpRequest.newBuilder(URI.create(base + "/login")).POST(HttpRequest.BodyPublishers
          .ofString("id=lisi&password=x")).build(), body()).statusCode()).as("no passwords here").isEqualTo(404);
    }
  }

  @Test
  void aProxyHeaderSentTwiceSignsNobodyIn() throws Exception {
    // before: the first was believed, and a proxy that adds its header (HAProxy's add-header, Apache's
    // RequestHeader add) rather than replacing it put the client's own first
    try (OpsHttpServer proxied = OpsHttpServer.builder(Commands.decisionApi()).port(0)
        .signIn(SignIn.trustedProxy("X-Remote-User", PEOPLE)).build().start()) {
      int port = proxied.port();
      String twice = raw(port, "GET /api/session HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Remote-User: lisi"
          + "\r\nX-Remote-User: zhangsan\r\nConnection: close\r\n\r\n");
      assertThat(twice).startsWith("HTTP/1.1 401").doesNotContain("csrfToken");
      String once = raw(port, "GET /api/session HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Remote-User: "
          + "zhangsan\r\nConnection: close\r\n\r\n");
      assertThat(once).startsWith("HTTP/1.1 200").contains("\"id\":\"zhangsan\"");
    }
  }

  @Test
  void aTrustedProxyHeaderIsIgnoredOnConnectionsFromAnyOtherAddress() throws Exception {
    InetAddress elsewhere = InetAddress.getByName("192.0.2.7");
    try (OpsHttpServer proxied = OpsHttpServer.builder(Commands.decisionApi()).port(0)
        .signIn(SignIn.trustedProxy("X-Remote-User", PEOPLE, Set.of(elsewhere)))
        .route("/api/whoami", Access.SIGNED_IN, ex -> Reply.json(200, "{\"id\": \"" + ex.signedIn().id() + "\"}"))
        .build().start()) {
      HttpClient c = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      String base = "http://127.0.0.1:" + proxied.port();
      HttpRequest forged = HttpRequest.newBuilder(URI.create(base + "/api/whoami")).header("X-Remote-User", "lisi")
          .header("X-Forwarded-For", "192.0.2.7").build();
      assertThat(c.send(forged, body()).statusCode()).as("the header from a peer that is not the proxy")
          .isEqualTo(401);
      assertThat(c.send(HttpRequest.newBuilder(URI.create(base + "/api/session")).header("X-Remote-User", "lisi")
          .build(), body()).statusCode()).as("no session was started either").isEqualTo(401);
    }
    assertThat(SignIn.trustedProxy("X-Remote-User", PEOPLE).trustsProxyAt(InetAddress.getLoopbackAddress()))
        .as("by default the proxy is on this machine").isTrue();
    assertThat(SignIn.trustedProxy("X-Remote-User", PEOPLE).trustsProxyAt(elsewhere)).isFalse();
  }

  @Test
  void aForwardedHostDoesNotCarryARebindingPagePastTheHostCheck() throws Exception {
    // a page of evil.example rebound to 127.0.0.1, in a browser on the proxy's machine, connects from loopback like
    // the proxy and may send any header to its own origin: before, X-Forwarded-Host replaced the Host it had to send
    // and the page read the session, CSRF token and dashboard of whoever it named
    ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    try (OpsHttpServer proxied = OpsHttpServer.builder(Commands.decisionApi()).port(0)
        .signIn(SignIn.trustedProxy("X-Remote-User", PEOPLE)).accessLog(log::add).build().start()) {
      int port = proxied.port();
      for (String forwarded : List.of("X-Forwarded-Host: localhost:" + port, "Forwarded: host=\"localhost:" + port
          + "\"")) {
        String answer = raw(port, "GET /api/session HTTP/1.1\r\nHost: evil.example:" + port + "\r\n" + forwarded
            + "\r\nX-Remote-User: lisi\r\nConnection: close\r\n\r\n");
        assertThat(answer).as(forwarded).startsWith("HTTP/1.1 421").doesNotContain("csrfToken");
      }
      String proxy = raw(port, "GET /api/session HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Forwarded-Host: "
          + "localhost:" + port + "\r\nX-Forwarded-For: 203.0.113.5\r\nX-Remote-User: lisi\r\nConnection: close"
          + "\r\n\r\n");
      assertThat(proxy).as("the proxy's own request").startsWith("HTTP/1.1 200").contains("\"id\":\"lisi\"");
      assertThat(String.join("\n", log)).as("the proxy's client is logged").contains(" 203.0.113.5 ");
    }
  }

  @Test
  void forwardedHeadersAreBelievedOnlyFromTheProxy() throws Exception {
    // before: X-Forwarded-* were read from every connection, so a client that bypassed the proxy chose the address
    // the access log recorded and the Host the Host check saw
    ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    try (OpsHttpServer proxied = OpsHttpServer.builder(Commands.decisionApi()).port(0)
        .signIn(SignIn.trustedProxy("X-Remote-User", PEOPLE, Set.of(InetAddress.getByName("192.0.2.7"))))
        .accessLog(log::add).build().start()) {
      int port = proxied.port();
      String forgedHost = raw(port, "GET /v1/classify HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: "
          + "127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
      assertThat(forgedHost).startsWith("HTTP/1.1 421");
      raw(port, "GET /nothing HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Forwarded-For: 203.0.113.5\r\n"
          + "Connection: close\r\n\r\n");
      assertThat(String.join("\n", log)).contains("/nothing").doesNotContain("203.0.113.5").contains(" 127.0.0.1 ");
    }
  }

  @Test
  void aMalformedHostIsAnsweredAsAClientsErrorOnEveryServer() throws Exception {
    try (OpsHttpServer proxied = OpsHttpServer.builder(Commands.decisionApi()).port(0)
        .signIn(SignIn.trustedProxy("X-Remote-User", PEOPLE)).build().start()) {
      for (int port : List.of(server.port(), proxied.port())) {
        for (String host : List.of("[::1", "a:b:c", "localhost:99999", "[zz]:80", "localhost:-1")) {
          String answer = raw(port, "GET /v1/classify HTTP/1.1\r\nHost: " + host + "\r\nX-Forwarded-Host: localhost:"
              + port + "\r\nConnection: close\r\n\r\n");
          assertThat(answer).as("%s on %s", host, port).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
        }
      }
    }
  }

  // ---- origin and host ----

  @Test
  void aCrossSiteSimpleRequestIsRefusedEvenOnTheDecisionApi() throws Exception {
    HttpResponse<String> r = anonymous().send(HttpRequest.newBuilder(URI.create(url("/v1/classify")))
        .POST(HttpRequest.BodyPublishers.ofString("{\"complaintCount\": 55}")).header("Content-Type", "text/plain")
        .header("Origin", "http://evil.example").build(), body());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(error(r).get("code").asText()).isEqualTo("CROSS_ORIGIN");
    HttpResponse<String> fetchSite = anonymous().send(HttpRequest.newBuilder(URI.create(url("/login")))
        .POST(HttpRequest.BodyPublishers.ofString("id=lisi&password=lisi-pw"))
        .header("Sec-Fetch-Site", "cross-site").build(), body());
    assertThat(fetchSite.statusCode()).as("a cross-site form post without Origin").isEqualTo(403);
    HttpResponse<String> same = anonymous().send(HttpRequest.newBuilder(URI.create(url("/v1/classify")))
        .POST(HttpRequest.BodyPublishers.ofString("{\"complaintCount\": 55}"))
        .header("Origin", "http://127.0.0.1:" + server.port()).build(), body());
    assertThat(same.statusCode()).as("the server's own origin; a program sends none and passes too").isEqualTo(200);
  }

  @Test
  void aHostHeaderNamingAnotherServerIsRefused() throws Exception {
    String answer = raw("GET /v1/classify HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 421");
    assertThat(answer).contains("\"code\":\"MISDIRECTED\"", "application/json");
    assertThat(raw("POST /v1/classify HTTP/1.1\r\nHost: localhost:" + server.port()
        + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")).startsWith("HTTP/1.1 200");
  }

  // ---- limits ----

  @Test
  void aFiveMegabyteBodyGets413Json() throws Exception {
    String answer = raw("POST /v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + (5 << 20)
        + "\r\nContent-Type: application/json\r\n\r\n{\"complaintCount\": ");
    assertThat(answer).startsWith("HTTP/1.1 413");
    assertThat(answer).contains("application/json", "\"code\":\"BODY_TOO_LARGE\"");
    String chunked = raw("POST /v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
        + "Connection: close\r\n\r\n" + ("100000\r\n" + " ".repeat(0x100000) + "\r\n").repeat(2) + "0\r\n\r\n");
    assertThat(chunked).as("a body without a declared length, cut off at the limit").startsWith("HTTP/1.1 413");
  }

  @Test
  void invalidUtf8IsAJson400() throws Exception {
    HttpResponse<String> r = anonymous().send(HttpRequest.newBuilder(URI.create(url("/v1/classify")))
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', 'a', (byte) 0xff, (byte) 0xfe, '"', ':',
            '1', '}'})).build(), body());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(error(r).get("code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(error(r).get("message").asText()).contains("UTF-8");
  }

  @Test
  void anOutOfRangeNumberIsAJson400NamingTheField() throws Exception {
    HttpResponse<String> r = anonymous().send(post("/v1/classify", "{\"complaintCount\": 1e309}").build(), body());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(error(r).get("code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(error(r).get("field").asText()).isEqualTo("complaintCount");
  }

  @Test
  void moreThanTwoThousandEventsOrFiveHundredStepsAreRefusedNamingTheArray() throws Exception {
    String events = "{\"facts\": {\"faultId\": \"F-1\"}, \"now\": \"2026-11-25T09:30:00+08:00\", \"events\": ["
        + String.join(",", java.util.Collections.nCopies(2001, "{}")) + "]}";
    HttpResponse<String> r = anonymous().send(post("/v1/obligations", events).build(), body());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(error(r).get("field").asText()).isEqualTo("events");
    assertThat(error(r).get("message").asText()).contains("at most 2000 events");
    String steps = "{\"operation\": {}, \"steps\": [" + String.join(",", java.util.Collections.nCopies(501, "{}"))
        + "]}";
    HttpResponse<String> s = anonymous().send(post("/v1/dataop", steps).build(), body());
    assertThat(s.statusCode()).isEqualTo(400);
    assertThat(error(s).get("field").asText()).isEqualTo("steps");
  }

  @Test
  void aRequestOverItsTimeBoundAnswers503() throws Exception {
    // a route that never finishes: whatever the bound, it is exceeded
    try (OpsHttpServer slow = OpsHttpServer.builder(Commands.decisionApi()).port(0)
        .limits(Limits.defaults().withRequestTimeout(Duration.ofMillis(200)))
        .route("/slow", ex -> {
          try {
            NEVER.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Reply.json(200, "{}");
        }).build().start()) {
      HttpResponse<String> r = anonymous().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + slow.port()
          + "/slow")).build(), body());
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(error(r).get("code").asText()).isEqualTo("TIMEOUT");
      assertThat(error(r).get("message").asText()).contains("200 ms", "stopped");
      HttpResponse<String> post = anonymous().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + slow.port() + "/slow")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(), body());
      assertThat(post.statusCode()).isEqualTo(503);
      assertThat(error(post).get("message").asText()).as("a change past the bound may still land")
          .contains("may still have been made").doesNotContain("stopped");
    }
  }

  @Test
  void aRouteAnsweredInTimeIsAnsweredOnceAndItsBoundDoesNotAnswerLater() throws Exception {
    try (OpsHttpServer quick = OpsHttpServer.builder(Commands.decisionApi()).port(0)
        .limits(Limits.defaults().withRequestTimeout(Duration.ofMillis(100)))
        .route("/fast", ex -> Reply.json(200, "{\"fast\":true}")).build().start();
        Socket s = new Socket("127.0.0.1", quick.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write("GET /fast HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(UTF_8));
      out.flush();
      // past the first request's bound, on the same connection
      Thread.sleep(300);
      out.write("POST /v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
          .getBytes(UTF_8));
      out.flush();
      String answers = new String(s.getInputStream().readAllBytes(), UTF_8);
      assertThat(answers.split("HTTP/1.1 ", -1)).as(answers).hasSize(3);
      assertThat(answers).startsWith("HTTP/1.1 200").contains("{\"fast\":true}", "\"level\"")
          .doesNotContain("TIMEOUT", "HTTP/1.1 5");
    }
  }

  @Test
  void aRouteThatFailsAnswers500JsonWithPhoneNumbersMasked() throws Exception {
    try (OpsHttpServer failing = OpsHttpServer.builder(Commands.decisionApi()).port(0)
        .route("/boom", ex -> {
          throw new IllegalStateException("no line for 13800000116");
        }).route("/deep", ex -> {
          throw new StackOverflowError("13800000117");
        }).build().start()) {
      for (String path : List.of("/boom", "/deep")) {
        HttpResponse<String> r = anonymous().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + failing.port() + path)).build(), body());
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(error(r).get("code").asText()).isEqualTo("INTERNAL");
        assertThat(error(r).get("message").asText()).contains("IllegalStateException", "138****011")
            .doesNotContain("13800000116", "13800000117");
      }
    }
  }

  @Test
  void bodiesSentSlowlyOnManyConnectionsHoldNoThreadAndEveryoneElseIsStillAnswered() throws Exception {
    // more slow uploads than the server has threads (64), each stalled after its first bytes: a blocking read held a
    // thread each until the idle timeout, and nobody else was answered
    List<Socket> slow = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 80; i++) {
        Socket s = new Socket("127.0.0.1", server.port());
        s.getOutputStream().write(("POST /v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
            + "\r\nContent-Length: 100000\r\n\r\n{\"complaintCount\":").getBytes(UTF_8));
        s.getOutputStream().flush();
        slow.add(s);
      }
      long started = System.nanoTime();
      HttpResponse<String> page = anonymous().send(HttpRequest.newBuilder(get("/login").uri())
          .timeout(Duration.ofSeconds(5)).GET().build(), body());
      assertThat(page.statusCode()).isEqualTo(200);
      HttpResponse<String> classify = anonymous().send(post("/v1/classify", "{\"complaintCount\": 25}")
          .timeout(Duration.ofSeconds(5)).build(), body());
      assertThat(classify.statusCode()).as(classify.body()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  @Test
  void jettysOwnErrorsAreJsonToo() throws Exception {
    String answer = raw("GET /v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(20_000)
        + "\r\nConnection: close\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 431");
    assertThat(answer).contains("application/json", "{\"error\":{").doesNotContain("<html");
    String badVersion = raw("GET /v1/classify HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n");
    assertThat(badVersion).doesNotContain("<html");
    String traversal = raw("GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    for (String jettys : List.of(answer, traversal)) {
      assertThat(jettys).as("Jetty's own error carries the security headers too")
          .contains("Content-Security-Policy: default-src 'self'", "X-Frame-Options: DENY",
              "Referrer-Policy: same-origin", "Cross-Origin-Resource-Policy: same-origin");
    }
  }

  // ---- headers and log ----

  @Test
  void everyAnswerCarriesTheSecurityHeaders() throws Exception {
    for (HttpResponse<String> r : List.of(anonymous().send(get("/login"), body()),
        anonymous().send(get("/api/whoami"), body()), anonymous().send(post("/v1/classify", "{}").build(), body()))) {
      var h = r.headers();
      assertThat(h.firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'",
          "frame-ancestors 'none'", "script-src 'self'");
      assertThat(h.firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(h.firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(h.firstValue("Referrer-Policy")).hasValue("same-origin");
      assertThat(h.firstValue("Cache-Control")).hasValue("no-store");
      assertThat(h.firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
      assertThat(h.firstValue("Cross-Origin-Resource-Policy")).hasValue("same-origin");
      assertThat(h.allValues("Content-Security-Policy")).hasSize(1);
      assertThat(h.firstValue("Strict-Transport-Security")).as("plain HTTP").isEmpty();
      assertThat(h.firstValue("Server")).isEmpty();
    }
  }

  @Test
  void theAccessLogKeepsNoSecretAClientPutInTheQuery() throws Exception {
    // before: a sign-in sent as GET (a script's curl, a bookmarked URL) left the password in the access log
    anonymous().send(get("/login?id=lisi&password=hunter2-secret"), body());
    anonymous().send(get("/nothing?X-CSRF-Token=tok3n-secret&Token=abc-secret&key=robot-secret&sort=asc"), body());
    // the name percent-encoded, as the server decodes it, or with + for a space
    anonymous().send(get("/login?id=lisi&p%61ssword=encoded-secret&api+Key=plus-secret"), body());
    String log = String.join("\n", LOG);
    assertThat(log).contains("/login?id=lisi&password=***", "X-CSRF-Token=***", "Token=***", "key=***", "sort=asc",
        "p%61ssword=***", "api+Key=***").doesNotContain("hunter2-secret", "tok3n-secret", "abc-secret",
        "robot-secret", "encoded-secret", "plus-secret");
  }

  @Test
  void theAccessLogMasksPhoneNumbers() throws Exception {
    anonymous().send(get("/nothing?phone=13800000116"), body());
    assertThat(String.join("\n", LOG)).contains("/nothing?phone=138****0116").doesNotContain("13800000116");
  }

  @Test
  void theAccessLogKeepsNoSecretUnderAnyOfItsNames() throws Exception {
    // before: otp, passwort, pass and 密码 were not secret names, and a ; in a value ended what was masked
    anonymous().send(get("/names?otp=otp-secret&passwort=passwort-secret&pass=pass-secret&user_passwd=passwd-secret"
        + "&client_secret=client-secret&%E5%AF%86%E7%A0%81=zh-secret&password=Top;semicolon-secret&sort=asc"), body());
    String log = String.join("\n", LOG);
    assertThat(log).contains("/names?otp=***&passwort=***&pass=***&user_passwd=***&client_secret=***"
        + "&%E5%AF%86%E7%A0%81=***&password=***&sort=asc").doesNotContain("otp-secret", "passwort-secret",
        "pass-secret", "passwd-secret", "client-secret", "zh-secret", "semicolon-secret");
  }

  @Test
  void theAccessLogMasksPhoneNumbersHoweverTheUrlEncodesThem() throws Exception {
    // before: the access log masked the target as sent, so a number percent-encoded or with + for a space was kept
    List<String> sent = List.of("/encoded?phone=139+2468+1357", "/encoded?phone=139%202468%201357",
        "/encoded/%31%33%39%32%34%36%38%31%33%35%37", "/encoded?q=%2531%2533%2539%2532%2534%2536%2538%2531%2533%2535"
            + "%2537", "/encoded?%31%33%39%32%34%36%38%31%33%35%37=1", "/encoded?phone=139%2C2468%2C1357");
    for (String target : sent) {
      anonymous().send(get(target), body());
    }
    List<String> logged = LOG.stream().filter(l -> l.contains("\"GET /encoded"))
        .map(l -> l.substring(l.indexOf("\"GET ") + 5, l.lastIndexOf('"'))).toList();
    assertThat(logged).hasSize(sent.size()).allSatisfy(t -> assertThat(readTwiceAsTheServerReads(t))
        .contains("139").contains("1357").doesNotContain("2468"));
    assertThat(logged).contains("/encoded?phone=139%20****%201357", "/encoded/139****1357");
  }

  @Test
  void theAccessLogMasksTheSignedInPersonsIdWhichMayBeAMobileNumber() throws Exception {
    // before: the ID was logged as it is, and a directory may key its people by their mobile numbers
    ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    InMemoryDirectory people = InMemoryDirectory.of(List.of(Person.builder().id("13924681357").name("孙七")
        .addRoles(Role.ROOM_SUPERVISOR).build(), Person.builder().id("wangwu").name("王五")
        .addRoles(Role.ROOM_SUPERVISOR).build()));
    try (OpsHttpServer proxied = OpsHttpServer.builder(Commands.decisionApi()).port(0)
        .signIn(SignIn.trustedProxy("X-Remote-User", people)).accessLog(log::add).build().start()) {
      for (String id : List.of("13924681357", "wangwu")) {
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + proxied.port() + "/api/session")).header("X-Remote-User", id).build(), body()).statusCode())
            .isEqualTo(200);
      }
    }
    assertThat(log).hasSize(2).anySatisfy(l -> assertThat(l).contains(" 1********** \"GET /api/session\" 200 "))
        .anySatisfy(l -> assertThat(l).contains(" w***** \"GET /api/session\" 200 "));
    assertThat(String.join("\n", log)).doesNotContain("13924681357", "wangwu");
  }

  /** A logged target read as the server reads it, and once more: what a number could hide behind. */
  private static String readTwiceAsTheServerReads(String target) {
    return URLDecoder.decode(URLDecoder.decode(target, UTF_8), UTF_8);
  }

  @Test
  void theLoginPageSpeaksTheBrowsersLanguage() throws Exception {
    HttpResponse<String> zh = anonymous().send(HttpRequest.newBuilder(URI.create(url("/login")))
        .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").build(), body());
    assertThat(zh.body()).contains("lang=\"zh-CN\"", "登录", "工号");
    HttpResponse<String> en = anonymous().send(HttpRequest.newBuilder(URI.create(url("/login")))
        .header("Accept-Language", "en-GB,en;q=0.9").build(), body());
    assertThat(en.body()).contains("lang=\"en\"", "Sign in", "Person ID");
    assertThat(Texts.choose(null)).as("the duty room's language by default").isEqualTo(Texts.LOCALES.get(0));
  }

  @Test
  void bothLanguagesHaveEveryTextAndEveryRole() {
    var zh = Texts.bundle(Texts.LOCALES.get(0));
    var en = Texts.bundle(Texts.LOCALES.get(1));
    assertThat(zh.keySet()).isEqualTo(en.keySet());
    for (Role r : Role.values()) {
      assertThat(zh.containsKey("role." + r.name())).as(r.name()).isTrue();
    }
    assertThat(zh.getString("role.FAULT_TEAM_LEADER")).isEqualTo("故障处理组组长");
  }

  // ---- helpers ----

  private static HttpClient anonymous() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  private static HttpClient signedIn(String id) throws Exception {
    HttpClient c = anonymous();
    assertThat(c.send(form(id, id + "-pw"), body()).statusCode()).isEqualTo(303);
    return c;
  }

  private static HttpRequest form(String id, String password) {
    return HttpRequest.newBuilder(URI.create(url("/login")))
        .POST(HttpRequest.BodyPublishers.ofString("id=" + id + "&password=" + password))
        .header("Content-Type", "application/x-www-form-urlencoded").build();
  }

  private static HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(url(path))).GET().build();
  }

  private static HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(URI.create(url(path))).POST(HttpRequest.BodyPublishers.ofString(json, UTF_8))
        .header("Content-Type", "application/json");
  }

  private static HttpResponse.BodyHandler<String> body() {
    return HttpResponse.BodyHandlers.ofString(UTF_8);
  }

  private static JsonNode error(HttpResponse<String> r) {
    return OpsJson.parse(r.body()).get("error");
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  /** Sends raw bytes (what a client library would not send) and returns the whole answer. */
  private static String raw(String request) throws Exception {
    return raw(server.port(), request);
  }

  private static String raw(int port, String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      try {
        out.write(request.getBytes(UTF_8));
        out.flush();
      } catch (java.io.IOException e) {
        // the server may answer and close before it has read everything (413)
      }
      s.shutdownOutput();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      try {
        while ((n = in.read(buf)) >= 0) {
          answer.write(buf, 0, n);
        }
      } catch (java.io.IOException e) {
        // a reset after the answer
      }
      return answer.toString(UTF_8);
    }
  }
}
