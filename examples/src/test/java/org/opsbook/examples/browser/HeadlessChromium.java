package org.opsbook.examples.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.opsbook.json.OpsJson;

/**
 * A real headless Chromium (Debian's {@code chromium} package) driven over the Chrome DevTools Protocol with the
 * JDK's own WebSocket client: navigate, evaluate JavaScript, wait for a condition. No browser download, no driver
 * binary. When the browser is missing the test is skipped with how to install it, unless
 * {@code OPSBOOK_REQUIRE_BROWSER} is set (CI sets it), in which case it fails.
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome");

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private HeadlessChromium(Process process, Path profile, WebSocket socket, Listener listener) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
    listener.owner = this;
  }

  /** Returns the browser binary, or skips (or fails in CI) when there is none. */
  public static Path binaryOrSkip() {
    for (String c : CANDIDATES) {
      if (Files.isExecutable(Path.of(c))) {
        return Path.of(c);
      }
    }
    String how = "headless Chromium is not installed: apt-get install -y chromium";
    if (System.getenv("OPSBOOK_REQUIRE_BROWSER") != null) {
      throw new AssertionError(how + " (OPSBOOK_REQUIRE_BROWSER is set, so the browser test must run)");
    }
    Assumptions.abort(how);
    return null;
  }

  /** Starts a fresh browser with an empty profile. */
  public static HeadlessChromium launch() throws Exception {
    Path binary = binaryOrSkip();
    Path profile = Files.createTempDirectory("opsbook-chromium");
    Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
        "--no-first-run", "--no-default-browser-check", "--user-data-dir=" + profile,
        "--remote-debugging-port=0", "about:blank")
        .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
    Path portFile = profile.resolve("DevToolsActivePort");
    Instant deadline = Instant.now().plusSeconds(30);
    while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
      if (!p.isAlive() || Instant.now().isAfter(deadline)) {
        String log = Files.exists(profile.resolve("chromium.log")) ? Files.readString(profile.resolve("chromium.log")) : "";
        p.destroyForcibly();
        throw new IllegalStateException("chromium did not start: " + log);
      }
      Thread.sleep(50);
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
    HttpClient http = HttpClient.newHttpClient();
    JsonNode targets = OpsJson.parse(http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
    String wsUrl = null;
    for (JsonNode t : targets) {
      if ("page".equals(t.path("type").asText())) {
        wsUrl = t.get("webSocketDebuggerUrl").asText();
        break;
      }
    }
    if (wsUrl == null) {
      p.destroyForcibly();
      throw new IllegalStateException("chromium has no page target: " + targets);
    }
    Listener listener = new Listener();
    WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(wsUrl), listener).get(10, TimeUnit.SECONDS);
    HeadlessChromium chrome = new HeadlessChromium(p, profile, ws, listener);
    chrome.call("Page.enable", OpsJson.object());
    chrome.call("Runtime.enable", OpsJson.object());
    return chrome;
  }

  /** Sends one protocol command and waits for its result. */
  public JsonNode call(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    ObjectNode msg = OpsJson.object().put("id", id).put("method", method);
    msg.set("params", params);
    socket.sendText(OpsJson.write(msg), true).get(10, TimeUnit.SECONDS);
    JsonNode reply = f.get(30, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + " failed: " + reply.get("error"));
    }
    return reply.path("result");
  }

  /** Makes the browser ask for pages in {@code languages} (an {@code Accept-Language} value, e.g. {@code zh-CN}). */
  public void acceptLanguage(String languages) throws Exception {
    call("Network.enable", OpsJson.object());
    ObjectNode headers = OpsJson.object().put("Accept-Language", languages);
    ObjectNode params = OpsJson.object();
    params.set("headers", headers);
    call("Network.setExtraHTTPHeaders", params);
  }

  /** Opens {@code url} in the page. */
  public void navigate(String url) throws Exception {
    call("Page.navigate", OpsJson.object().put("url", url));
  }

  /** Evaluates a JavaScript expression in the page and returns its value (promises are awaited). */
  public JsonNode eval(String expression) throws Exception {
    JsonNode r = call("Runtime.evaluate", OpsJson.object().put("expression", expression)
        .put("returnByValue", true).put("awaitPromise", true));
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** Waits until a JavaScript expression is truthy. */
  public void waitFor(String expression, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      JsonNode v;
      try {
        v = eval("Boolean(" + expression + ")");
      } catch (IllegalStateException e) {
        v = null;
      }
      if (v != null && v.asBoolean()) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + expression + "; page text: "
            + eval("document.body ? document.body.innerText.slice(0, 2000) : ''"));
      }
      Thread.sleep(100);
    }
  }

  /**
   * Stops the browser and every process it started (renderer, GPU, crash handler), then deletes its profile. The
   * children are stopped too and awaited: one still running wrote into the profile while it was being deleted, and a
   * file it removed between the listing and the deletion failed the test that had passed.
   */
  @Override
  public void close() throws IOException {
    socket.abort();
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      for (ProcessHandle child : children) {
        try {
          child.onExit().get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
          child.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
    }
    deleteProfile(profile);
  }

  /** Deletes the profile, best effort as before: a file already gone or a directory not emptied is passed over. */
  private static void deleteProfile(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        file.toFile().delete();
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw e;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null && !(e instanceof NoSuchFileException)) {
          throw e;
        }
        dir.toFile().delete();
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private void receive(String text) {
    JsonNode msg = OpsJson.parse(text);
    if (msg.has("id")) {
      CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
      if (f != null) {
        f.complete(msg);
      }
    }
  }

  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder buffer = new StringBuilder();
    private volatile HeadlessChromium owner;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String text = buffer.toString();
        buffer.setLength(0);
        if (owner != null) {
          owner.receive(text);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
