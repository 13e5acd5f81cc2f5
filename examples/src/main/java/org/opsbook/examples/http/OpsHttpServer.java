package org.opsbook.examples.http;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.HostPort;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.Person;
import org.opsbook.core.PersonIds;
import org.opsbook.examples.http.guard.JsonErrorHandler;
import org.opsbook.examples.http.guard.LoginThrottle;
import org.opsbook.examples.http.guard.RequestChecks;
import org.opsbook.examples.http.guard.Sessions;
import org.opsbook.examples.http.guard.Sessions.Session;
import org.opsbook.json.DecisionApi;
import org.opsbook.json.ErrorJson;
import org.opsbook.json.OpsJson;

/**
 * Serves the decision API over HTTP ({@code POST /v1/<command>}, no sign-in) and the routes a host adds, behind one
 * guard layer that every request passes in this order:
 *
 * <ol>
 *   <li>{@code Host} must name this server (else 421): no DNS rebinding;
 *   <li>a state-changing request (not GET, HEAD, OPTIONS) must come from this server's own origin (else 403);
 *   <li>the body is at most {@link Limits#maxBodyBytes} (else 413) and valid UTF-8 (else 400);
 *   <li>a route of {@link Access#SIGNED_IN} needs a session (else 401, or the login page for a page route), and a
 *       state-changing request to it the session's CSRF token in {@code X-CSRF-Token} (else 403);
 *   <li>the route answers within {@link Limits#requestTimeout} (else 503).
 * </ol>
 *
 * <p>Every answer carries the security headers (CSP, {@code frame-ancestors 'none'}, nosniff, no referrer to other
 * sites), and errors, Jetty's own among them, are JSON: {@code {"error": {"code", "message"}}}. Each request is written to the
 * access log with the signed-in person's ID, secrets in the URL and phone numbers however the URL encodes them masked
 * ({@link RequestChecks#loggedTarget}). The server's own routes: {@code GET/POST /login}, {@code POST /logout} and
 * {@code GET /api/session} (who is signed in, with the CSRF token). Thread-safe once started.
 *
 * <p>A host adds its own API beside the dashboard's the same way: {@code route("/api/v1", Access.SIGNED_IN, …)} for a
 * stateful API acting as the signed-in person, {@code route("/health", Access.PUBLIC, …)} for what a monitor reads
 * without signing in. The guards above apply to every route; a route sees only an {@link Exchange}.
 */
public final class OpsHttpServer implements AutoCloseable {
  private static final String JSON = "application/json; charset=utf-8";
  private static final String HTML = "text/html; charset=utf-8";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /** Who may call a route. */
  public enum Access {
    /** Anyone (the decision API, static assets, the login page). */
    PUBLIC,
    /** A signed-in person; state-changing requests also need the session's CSRF token. 401 JSON without one. */
    SIGNED_IN,
    /** Like {@link #SIGNED_IN}, for pages: without a session the browser is sent to the login page. */
    SIGNED_IN_PAGE
  }

  /** A route's answer. */
  public record Reply(int status, String contentType, String body, Map<String, String> headers) {
    /** Returns a reply with no extra headers. */
    public Reply(int status, String contentType, String body) {
      this(status, contentType, body, Map.of());
    }

    /** Returns a JSON reply. */
    public static Reply json(int status, String body) {
      return new Reply(status, JSON, body);
    }

    /** Returns an HTML reply. */
    public static Reply html(int status, String body) {
      return new Reply(status, HTML, body);
    }

    /** Returns a JSON error {@code {"error": {"code", "message"}}}. */
    public static Reply error(int status, String code, String message) {
      return json(status, OpsJson.write(ErrorJson.error(code, message)));
    }

    /** Returns this reply with one more header. */
    public Reply withHeader(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Reply(status, contentType, body, h);
    }
  }

  /**
   * One request as a route sees it: the method, the path below the route's prefix, the raw query string (empty when
   * none), the request headers (names in lower case, first value of each), the body (valid UTF-8, within the limit),
   * the signed-in person (from the session, never from the body) and the page's language.
   */
  public record Exchange(String method, String path, String query, Map<String, String> headers, String body,
      Optional<Person> person, Locale locale) {
    /** Returns the signed-in person; only call on {@link Access#SIGNED_IN} routes. */
    public Person signedIn() {
      return person.orElseThrow(() -> new IllegalStateException("no one is signed in"));
    }

    /** Returns a request header by name (any case). */
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  /** Handles one request to a registered route. */
  @FunctionalInterface
  public interface Route {
    /** Answers a request. */
    Reply handle(Exchange exchange);
  }

  private record Registered(String prefix, Access access, Route route) {}

  private final Server server;
  private final ServerConnector connector;
  private final boolean tls;
  private final ExecutorService work;
  private final ScheduledExecutorService timer;

  private OpsHttpServer(Builder b) {
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("opsbook-http");
    this.server = new Server(threads);
    this.tls = b.keystore != null;
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    config.setIdleTimeout(b.limits.idleTimeout().toMillis());
    config.setMinRequestDataRate(b.limits.minDataRate());
    if (b.signIn.mode() == SignIn.Mode.TRUSTED_PROXY) {
      // Forwarded and X-Forwarded-* come from the proxy or from nobody: any client could send them
      ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();
      SignIn signIn = b.signIn;
      config.addCustomizer((request, responseHeaders) ->
          request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress peer
              && signIn.trustsProxyAt(peer.getAddress()) ? forwarded.customize(request, responseHeaders) : request);
    }
    HttpConnectionFactory http = new HttpConnectionFactory(config);
    if (tls) {
      config.addCustomizer(new SecureRequestCustomizer());
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStorePath(b.keystore.toString());
      ssl.setKeyStorePassword(b.keystorePassword);
      this.connector = new ServerConnector(server, new SslConnectionFactory(ssl, http.getProtocol()), http);
    } else {
      this.connector = new ServerConnector(server, http);
    }
    connector.setHost(b.host);
    connector.setPort(b.port);
    connector.setIdleTimeout(b.limits.idleTimeout().toMillis());
    server.addConnector(connector);
    server.addBean(new ConnectionLimit(b.limits.maxConnections(), server));
    server.setErrorHandler(new JsonErrorHandler(Dispatcher.SECURITY_HEADERS));
    AtomicInteger n = new AtomicInteger();
    this.work = new ThreadPoolExecutor(8, 8, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(256), r -> {
      Thread t = new Thread(r, "opsbook-request-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    ScheduledThreadPoolExecutor bounds = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "opsbook-request-bound");
      t.setDaemon(true);
      return t;
    });
    // a route that answers in time takes its bound out of the queue
    bounds.setRemoveOnCancelPolicy(true);
    this.timer = bounds;
    server.setHandler(new Dispatcher(b, tls, work, timer));
  }

  /** Returns a builder serving {@code api}. */
  public static Builder builder(DecisionApi api) {
    return new Builder(api);
  }

  /** Starts listening. */
  public OpsHttpServer start() throws Exception {
    server.start();
    return this;
  }

  /** Returns the port actually bound (useful with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** Returns {@code http} or {@code https}. */
  public String scheme() {
    return tls ? "https" : "http";
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    server.stop();
    work.shutdownNow();
    timer.shutdownNow();
  }

  /** Returns true when {@code host} is a loopback address or name. */
  public static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static final class Dispatcher extends Handler.Abstract {
    /** The headers every answer carries, encoded once. */
    private static final List<HttpField> SECURITY_HEADERS = List.of(
        new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store"),
        new PreEncodedHttpField("Content-Security-Policy", CSP),
        new PreEncodedHttpField("X-Frame-Options", "DENY"),
        new PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
        // not no-referrer: under it a browser sends "Origin: null" with its own form posts
        new PreEncodedHttpField("Referrer-Policy", "same-origin"),
        new PreEncodedHttpField("Cross-Origin-Opener-Policy", "same-origin"),
        new PreEncodedHttpField("Cross-Origin-Resource-Policy", "same-origin"));
    private static final HttpField HSTS = new PreEncodedHttpField("Strict-Transport-Security", "max-age=31536000");

    private final DecisionApi api;
    private final List<Registered> routes;
    private final Limits limits;
    private final SignIn signIn;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final Set<String> allowedHosts;
    private final Consumer<String> accessLog;
    private final boolean tls;
    private final ExecutorService work;
    private final ScheduledExecutorService timer;
    private final String cookie;
    private final String loginPage;

    Dispatcher(Builder b, boolean tls, ExecutorService work, ScheduledExecutorService timer) {
      this.api = b.api;
      this.routes = List.copyOf(b.routes);
      this.limits = b.limits;
      this.signIn = b.signIn;
      this.clock = b.clock;
      this.sessions = new Sessions(clock, b.sessionIdle, Duration.ofHours(12));
      this.throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(1));
      this.allowedHosts = allowedHosts(b);
      this.accessLog = b.accessLog;
      this.tls = tls;
      this.work = work;
      this.timer = timer;
      // the __Host- prefix makes a browser refuse the cookie unless Secure, Path=/ and no Domain
      this.cookie = tls ? "__Host-opsbook-session" : "opsbook-session";
      this.loginPage = resource("/http/login.html");
    }

    private static Set<String> allowedHosts(Builder b) {
      Set<String> hosts = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "[::1]"));
      String bound = b.host.toLowerCase(Locale.ROOT);
      if (!bound.equals("0.0.0.0") && !bound.equals("::") && !bound.equals("[::]")) {
        hosts.add(bracketed(bound));
      } else {
        // every interface: the machine's name and addresses are this server's names too
        try {
          hosts.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
          for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
              String ip = a.getHostAddress();
              hosts.add(bracketed(ip.contains("%") ? ip.substring(0, ip.indexOf('%')) : ip));
            }
          }
        } catch (IOException e) {
          // no names beyond loopback and --allow-host
        }
      }
      b.allowedHosts.forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
      return Set.copyOf(hosts);
    }

    private static String bracketed(String host) {
      return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      Answer answer = new Answer(request, response, callback, System.nanoTime());
      Served early;
      try {
        early = refusedBeforeTheBody(request);
      } catch (RuntimeException e) {
        early = internal(e);
      }
      if (early != null) {
        answer.send(early);
        return true;
      }
      readBody(request, raw -> answer(request, answer, raw), failure -> answer.send(unread(failure)));
      return true;
    }

    /** Serves the request once its body has arrived; answers unless a route runs on the request pool. */
    private void answer(Request request, Answer answer, byte[] raw) {
      Served served;
      try {
        served = serve(request, answer, raw);
      } catch (RuntimeException e) {
        served = internal(e);
      }
      if (served != null) {
        answer.send(served);
      }
    }

    /** The answer to a body that could not be read: too large (413), else cut off, idle or too slow (400). */
    private Served unread(Throwable failure) {
      if (failure instanceof BodyTooLarge) {
        return new Served(Reply.error(413, "BODY_TOO_LARGE", "the body is larger than " + limits.maxBodyBytes()
            + " bytes").withHeader("Connection", "close"), "-");
      }
      return new Served(Reply.json(400, OpsJson.write(ErrorJson.invalidInput(new InvalidInputException("body",
          "the body could not be read (cut off, idle or slower than the minimum rate): " + failure))))
          .withHeader("Connection", "close"), "-");
    }

    private static Served internal(RuntimeException e) {
      return new Served(Reply.error(500, ErrorJson.INTERNAL, Masking.phonesIn(String.valueOf(e))), "-");
    }

    /** Where one request's answer goes, from whichever thread has it. */
    private final class Answer {
      final Request request;
      final Response response;
      final Callback callback;
      final long started;
      /** 0 while the route runs; 1 once its answer or the time bound's is being sent. */
      final AtomicInteger state = new AtomicInteger();
      volatile Future<?> task;
      volatile Future<?> bound;

      Answer(Request request, Response response, Callback callback, long started) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.started = started;
      }

      /** Takes the right to answer: true for the first of the route and the time bound to ask. */
      boolean claim() {
        return state.compareAndSet(0, 1);
      }

      void send(Served served) {
        try {
          write(request, response, callback, served, started);
        } catch (Throwable e) {
          callback.failed(e);
        }
      }
    }

    private void write(Request request, Response response, Callback callback, Served served, long started) {
      Reply reply = served.reply();
      response.setStatus(reply.status());
      var headers = response.getHeaders();
      headers.put(HttpHeader.CONTENT_TYPE, reply.contentType());
      for (HttpField h : SECURITY_HEADERS) {
        headers.put(h);
      }
      if (tls) {
        headers.put(HSTS);
      }
      reply.headers().forEach(headers::add);
      byte[] body = request.getMethod().equals("HEAD") ? new byte[0] : reply.body().getBytes(UTF_8);
      // logged before the answer leaves, so a client that has its answer finds its line
      log(request, reply.status(), body.length, started, served.who());
      response.write(true, ByteBuffer.wrap(body), callback);
    }

    private record Served(Reply reply, String who) {}

    /**
     * Returns the refusal of a request on its head alone (another server's Host, another site's Origin, a declared body
     * over the limit), or null: no body of such a request is read.
     */
    private Served refusedBeforeTheBody(Request request) {
      String method = request.getMethod();
      // the Host the connection sent, and the one a proxy forwarded: a page rebound to this machine names its own
      // host in the first, whatever it puts in X-Forwarded-Host
      String sentHost = Request.unWrap(request).getHeaders().get(HttpHeader.HOST);
      Optional<String> wrongHost = RequestChecks.hostRefusal(request.getHttpURI().getHost(), allowedHosts)
          .or(() -> sentHost == null ? Optional.empty()
              : RequestChecks.hostRefusal(new HostPort(sentHost).getHost(), allowedHosts));
      if (wrongHost.isPresent()) {
        return new Served(Reply.error(421, "MISDIRECTED", wrongHost.get()), "-");
      }
      if (RequestChecks.changesState(method)) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        // the server's own origin matters only to a request that names one
        Optional<String> crossSite = RequestChecks.originRefusal(origin, request.getHeaders().get("Sec-Fetch-Site"),
            origin == null ? null : ownOrigin(request));
        if (crossSite.isPresent()) {
          return new Served(Reply.error(403, "CROSS_ORIGIN", crossSite.get()), "-");
        }
      }
      return request.getLength() > limits.maxBodyBytes() ? unread(new BodyTooLarge()) : null;
    }

    /** Returns the answer, or null when a route runs on the request pool, which answers. */
    private Served serve(Request request, Answer answer, byte[] raw) {
      String method = request.getMethod();
      String path = Request.getPathInContext(request);
      String body;
      try {
        body = RequestChecks.utf8(raw);
      } catch (InvalidInputException e) {
        return new Served(Reply.json(400, OpsJson.write(ErrorJson.invalidInput(e))), "-");
      }
      Locale locale = Texts.choose(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
      Identity id = identify(request);
      String who = id.person().map(Person::id).orElse("-");
      Reply own = ownRoute(method, path, body, id, locale, request);
      if (own != null) {
        return new Served(own, who);
      }
      if (path.startsWith("/v1/")) {
        return timed(false, () -> decision(method, path, body), reply -> new Served(reply, who), answer);
      }
      for (Registered r : routes) {
        String prefix = r.prefix();
        if (path.equals(prefix) || (path.startsWith(prefix) && (prefix.endsWith("/")
            || path.charAt(prefix.length()) == '/'))) {
          if (r.access() != Access.PUBLIC) {
            if (id.person().isEmpty()) {
              return new Served(r.access() == Access.SIGNED_IN_PAGE
                  ? new Reply(303, HTML, "").withHeader("Location", "/login")
                  : Reply.error(401, "UNAUTHENTICATED", "sign in first (" + signIn.mode() + ")"), who);
            }
            if (RequestChecks.changesState(method)
                && !Sessions.csrfMatches(id.session(), request.getHeaders().get(CSRF_HEADER))) {
              return new Served(Reply.error(403, "CSRF", "the request lacks this session's " + CSRF_HEADER
                  + " header"), who);
            }
          }
          Exchange ex = new Exchange(method, path.substring(prefix.length()), query(request), headers(request), body,
              id.person(), locale);
          return timed(RequestChecks.changesState(method), () -> r.route().handle(ex),
              reply -> new Served(id.cookie() == null ? reply : reply.withHeader("Set-Cookie", id.cookie()), who),
              answer);
        }
      }
      return new Served(Reply.error(404, "NOT_FOUND", "no route " + method + " " + path), who);
    }

    private Reply decision(String method, String path, String body) {
      if (!method.equals("POST")) {
        return Reply.error(405, "METHOD_NOT_ALLOWED", "use POST " + path);
      }
      try {
        RequestChecks.caps(body, limits.maxEvents(), limits.maxSteps());
      } catch (InvalidInputException e) {
        return Reply.json(400, OpsJson.write(ErrorJson.invalidInput(e)));
      }
      DecisionApi.Response r = api.execute(path.substring("/v1/".length()), body);
      return Reply.json(r.httpStatus(), r.bodyText());
    }

    /**
     * Runs a route on the request pool within the time bound, and returns null: the pool's thread answers, or, past
     * the bound, the timer does, whichever comes first; the handler's thread does not wait for either. A route past
     * the bound is interrupted, but a change it was making may still be committed (a storage call is not undone by an
     * interrupt), so the 503 of a state-changing request says the outcome is unknown rather than that nothing
     * happened. A full pool answers 503 at once, returned.
     */
    private Served timed(boolean changesState, java.util.function.Supplier<Reply> route,
        java.util.function.Function<Reply, Served> served, Answer answer) {
      try {
        answer.task = work.submit(() -> {
          Served s;
          try {
            s = served.apply(route.get());
          } catch (RuntimeException e) {
            s = internal(e);
          } catch (Error e) {
            s = internal(new IllegalStateException(e));
          }
          if (answer.claim()) {
            Future<?> bound = answer.bound;
            if (bound != null) {
              bound.cancel(false);
            }
            answer.send(s);
          }
        });
      } catch (RejectedExecutionException e) {
        return served.apply(Reply.error(503, "BUSY", "the server is busy; try again"));
      }
      long millis = limits.requestTimeout().toMillis();
      Future<?> bound = timer.schedule(() -> {
        if (answer.claim()) {
          answer.task.cancel(true);
          answer.send(served.apply(Reply.error(503, "TIMEOUT", "the request took longer than " + millis
              + (changesState ? " ms; it was interrupted, but its change may still have been made: read the state"
                  + " before trying again" : " ms and was stopped"))));
        }
      }, millis, TimeUnit.MILLISECONDS);
      answer.bound = bound;
      if (answer.state.get() != 0) {
        // the route answered before its bound was set
        bound.cancel(false);
      }
      return null;
    }

    // ---- sign-in ----

    /** The person a request acts as, their session, and a cookie to set when the session is new. */
    private record Identity(Optional<Person> person, Session session, String cookie) {
      static final Identity NOBODY = new Identity(Optional.empty(), null, null);
    }

    private Identity identify(Request request) {
      if (signIn.mode() == SignIn.Mode.NOBODY) {
        return Identity.NOBODY;
      }
      Optional<Session> session = sessions.find(cookieValue(request));
      if (signIn.mode() == SignIn.Mode.TRUSTED_PROXY) {
        // the TCP peer of the connection, not the X-Forwarded-For address the customizer reports
        SocketAddress peer = request.getConnectionMetaData().getConnection().getEndPoint().getRemoteSocketAddress();
        if (!(peer instanceof InetSocketAddress at) || !signIn.trustsProxyAt(at.getAddress())) {
          return Identity.NOBODY;
        }
        // named once: a proxy that adds its header beside one the client sent, rather than replacing it, passes the
        // client's first, and the client would choose whom it signs in as
        List<String> named = request.getHeaders().getValuesList(signIn.header().orElseThrow());
        Optional<Person> p = named.size() == 1 ? person(named.get(0)) : Optional.empty();
        if (p.isEmpty()) {
          return Identity.NOBODY;
        }
        if (session.isPresent() && session.get().personId().equals(p.get().id())) {
          return new Identity(p, session.get(), null);
        }
        Session s = sessions.start(p.get().id());
        return new Identity(p, s, setCookie(s.token(), -1));
      }
      if (session.isEmpty()) {
        return Identity.NOBODY;
      }
      Optional<Person> p = person(session.get().personId());
      return p.isPresent() ? new Identity(p, session.get(), null) : Identity.NOBODY;
    }

    private Optional<Person> person(String rawId) {
      if (rawId == null || rawId.isBlank()) {
        return Optional.empty();
      }
      try {
        return signIn.directory().orElseThrow().find(PersonIds.canonical("id", rawId));
      } catch (InvalidInputException e) {
        return Optional.empty();
      }
    }

    /** The server's own routes; null when the path is not one of them. */
    private Reply ownRoute(String method, String path, String body, Identity id, Locale locale, Request request) {
      switch (path) {
        case "/login" -> {
          if (method.equals("GET") || method.equals("HEAD")) {
            return signIn.mode() == SignIn.Mode.PASSWORD && id.person().isEmpty() ? login(locale, null, 200)
                : id.person().isPresent() ? new Reply(303, HTML, "").withHeader("Location", "/")
                : login(locale, Texts.text(locale, "login.unavailable." + signIn.mode()), 200);
          }
          if (!method.equals("POST")) {
            return Reply.error(405, "METHOD_NOT_ALLOWED", "use GET or POST /login");
          }
          if (signIn.mode() != SignIn.Mode.PASSWORD) {
            return login(locale, Texts.text(locale, "login.unavailable." + signIn.mode()), 404);
          }
          Map<String, String> form = form(body);
          String address = Request.getRemoteAddr(request);
          Optional<Duration> wait = throttle.attempt(address, form.get("id"));
          if (wait.isPresent()) {
            return login(locale, Texts.text(locale, "login.throttled"), 429)
                .withHeader("Retry-After", Long.toString(wait.get().toSeconds() + 1));
          }
          Optional<Person> p = person(form.get("id"));
          if (p.isEmpty() || !signIn.credentials().verify(p.get().id(), form.getOrDefault("password", ""))) {
            p.ifPresentOrElse(x -> { }, () -> signIn.credentials().verify("", form.getOrDefault("password", "")));
            // counted as failed when it began (throttle.attempt)
            return login(locale, Texts.text(locale, "login.failed"), 401);
          }
          throttle.succeeded(address, form.get("id"));
          sessions.end(cookieValue(request));
          Session s = sessions.start(p.get().id());
          return new Reply(303, HTML, "").withHeader("Location", "/").withHeader("Set-Cookie", setCookie(s.token(), -1));
        }
        case "/logout" -> {
          if (!method.equals("POST")) {
            return Reply.error(405, "METHOD_NOT_ALLOWED", "use POST /logout");
          }
          if (id.session() == null) {
            return Reply.error(401, "UNAUTHENTICATED", "not signed in");
          }
          if (!Sessions.csrfMatches(id.session(), request.getHeaders().get(CSRF_HEADER))) {
            return Reply.error(403, "CSRF", "the request lacks this session's " + CSRF_HEADER + " header");
          }
          sessions.end(id.session().token());
          return Reply.json(200, "{\"signedOut\":true}").withHeader("Set-Cookie", setCookie("", 0));
        }
        case "/api/session" -> {
          if (id.person().isEmpty()) {
            return Reply.error(401, "UNAUTHENTICATED", "sign in first (" + signIn.mode() + ")");
          }
          Person p = id.person().get();
          var o = OpsJson.object().put("id", p.id()).put("name", p.name()).put("csrfToken", id.session().csrfToken())
              .put("signIn", signIn.mode().name()).put("lang", locale.toLanguageTag());
          var roles = o.putArray("roles");
          p.roles().forEach(r -> roles.add(r.name()));
          Reply r = Reply.json(200, OpsJson.write(o));
          return id.cookie() == null ? r : r.withHeader("Set-Cookie", id.cookie());
        }
        default -> {
          return null;
        }
      }
    }

    private Reply login(Locale locale, String error, int status) {
      String page = Texts.fill(loginPage, locale).replace("<!--error-->", error == null ? ""
          : "<p class=\"notice error\" role=\"alert\">" + Texts.html(error) + "</p>");
      return Reply.html(status, page);
    }

    private String setCookie(String token, int maxAge) {
      return cookie + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" + (tls ? "; Secure" : "")
          + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }

    private String cookieValue(Request request) {
      for (HttpCookie c : Request.getCookies(request)) {
        if (c.getName().equals(cookie)) {
          return c.getValue();
        }
      }
      return null;
    }

    private static Map<String, String> form(String body) {
      Map<String, String> form = new LinkedHashMap<>();
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          try {
            form.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), UTF_8),
                URLDecoder.decode(pair.substring(eq + 1), UTF_8));
          } catch (IllegalArgumentException e) {
            // a malformed pair is ignored; the sign-in then fails
          }
        }
      }
      return form;
    }

    // ---- plumbing ----

    private static String query(Request request) {
      String q = request.getHttpURI().getQuery();
      return q == null ? "" : q;
    }

    private static Map<String, String> headers(Request request) {
      Map<String, String> h = new LinkedHashMap<>();
      request.getHeaders().forEach(f -> h.putIfAbsent(f.getLowerCaseName(), f.getValue()));
      return Map.copyOf(h);
    }

    private String ownOrigin(Request request) {
      var uri = request.getHttpURI();
      int port = uri.getPort();
      boolean secure = request.isSecure();
      boolean defaultPort = port <= 0 || (secure && port == 443) || (!secure && port == 80);
      String host = uri.getHost();
      if (host.contains(":") && !host.startsWith("[")) {
        host = "[" + host + "]";
      }
      return (secure ? "https" : "http") + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /**
     * Reads the request's body as it arrives, holding no thread while a client sends it: each chunk is taken when the
     * connection has one, and {@code done} runs on the thread that takes the last (the one calling, when the body is
     * all there). A blocking read held a thread of the pool's 64 for as long as a client trickled its body at the
     * minimum rate, and 64 slow uploads, of the 256 connections served, stopped every answer. The idle timeout and the
     * minimum data rate still end a body that stalls or trickles ({@code failed}), as does one over the limit.
     */
    private void readBody(Request request, Consumer<byte[]> done, Consumer<Throwable> failed) {
      long max = limits.maxBodyBytes();
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, Math.min(request.getLength(), max)));
      Runnable more = new Runnable() {
        @Override
        public void run() {
          while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
              request.demand(this);
              return;
            }
            if (Content.Chunk.isFailure(chunk)) {
              failed.accept(chunk.getFailure());
              return;
            }
            ByteBuffer bytes = chunk.getByteBuffer();
            boolean last = chunk.isLast();
            if (out.size() + (long) bytes.remaining() > max) {
              chunk.release();
              failed.accept(new BodyTooLarge());
              return;
            }
            byte[] part = new byte[bytes.remaining()];
            bytes.get(part);
            chunk.release();
            out.write(part, 0, part.length);
            if (last) {
              done.accept(out.toByteArray());
              return;
            }
          }
        }
      };
      more.run();
    }

    private void log(Request request, int status, int bytes, long started, String who) {
      if (accessLog == null) {
        return;
      }
      var uri = request.getHttpURI();
      // the person's ID masked as IDs are everywhere (it may be a mobile number), the target as the server reads it
      accessLog.accept(clock.instant() + " " + Request.getRemoteAddr(request) + " " + Masking.name(who) + " \""
          + request.getMethod() + " " + RequestChecks.loggedTarget(uri.getPath(), uri.getQuery()) + "\" " + status + " "
          + bytes + " " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + "ms");
    }

    private static String resource(String name) {
      try (InputStream in = OpsHttpServer.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("the resource " + name + " is missing from the classpath");
        }
        return new String(in.readAllBytes(), UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class BodyTooLarge extends RuntimeException {
    BodyTooLarge() {
      super(null, null, false, false);
    }
  }

  /** Builds an {@link OpsHttpServer}. */
  public static final class Builder {
    private final DecisionApi api;
    private final List<Registered> routes = new ArrayList<>();
    private final List<String> allowedHosts = new ArrayList<>();
    private String host = "127.0.0.1";
    private int port = 8080;
    private Limits limits = Limits.defaults();
    private SignIn signIn = SignIn.nobody();
    private Consumer<String> accessLog;
    private Path keystore;
    private String keystorePassword;
    private Duration sessionIdle = Duration.ofHours(1);
    private Clock clock = Clock.systemUTC();

    private Builder(DecisionApi api) {
      this.api = checkNotNull(api, "api");
    }

    /** Sets the port; 0 picks a free one. Default 8080. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Sets the interface to bind; loopback by default. */
    public Builder host(String host) {
      this.host = checkNotNull(host, "host");
      return this;
    }

    /** Adds a name clients may reach the server by besides the loopback names and the bound host. */
    public Builder allowHost(String name) {
      allowedHosts.add(checkNotNull(name, "name"));
      return this;
    }

    /** Adds a public route for every path equal to or below {@code prefix}; earlier routes win. */
    public Builder route(String prefix, Route route) {
      return route(prefix, Access.PUBLIC, route);
    }

    /** Adds a route for every path equal to or below {@code prefix}, open to {@code access}; earlier routes win. */
    public Builder route(String prefix, Access access, Route route) {
      checkArgument(prefix.startsWith("/"), "a prefix starts with /: %s", prefix);
      routes.add(new Registered(prefix, checkNotNull(access, "access"), checkNotNull(route, "route")));
      return this;
    }

    /** Sets how people sign in; by default nobody does and only public routes answer. */
    public Builder signIn(SignIn signIn) {
      this.signIn = checkNotNull(signIn, "signIn");
      return this;
    }

    /** Sets the limits; {@link Limits#defaults()} by default. */
    public Builder limits(Limits limits) {
      this.limits = checkNotNull(limits, "limits");
      return this;
    }

    /**
     * Writes one line per request to {@code log}, the person's ID, secrets and phone numbers masked; none by default.
     */
    public Builder accessLog(Consumer<String> log) {
      this.accessLog = log;
      return this;
    }

    /** Serves HTTPS with the key and certificate of a PKCS#12 or JKS key store. */
    public Builder tls(Path keystore, String password) {
      this.keystore = checkNotNull(keystore, "keystore");
      this.keystorePassword = checkNotNull(password, "password");
      return this;
    }

    /** Sets how long an unused session lives; one hour by default (the page keeps it alive). */
    public Builder sessionIdle(Duration idle) {
      this.sessionIdle = checkNotNull(idle, "idle");
      return this;
    }

    /** Sets the clock of sessions, the sign-in throttle and the access log; the system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /** Returns the server, not yet started. */
    public OpsHttpServer build() {
      return new OpsHttpServer(this);
    }
  }
}
