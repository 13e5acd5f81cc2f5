package org.opsbook.examples.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.opsbook.benchmarks.support.BenchArgs;
import org.opsbook.json.DecisionApi;

/**
 * W8 (BENCHMARKS.md): the decision API's {@code classify} and {@code obligations} over HTTP at {@code C} concurrent
 * keep-alive clients, against the floor: a static Jetty endpoint in the same process, on the same Jetty version and
 * thread pool (64 threads), that reads the same request body and answers a fixed body of the same size as
 * {@code classify}'s answer. The opsbook side is {@link OpsHttpServer} as {@code ./opsbook serve} builds it: every
 * guard (Host, Origin, body limit, strict UTF-8, request time bound, security headers) and the masked access log
 * (written to a sink that drops the lines, so the terminal is not measured). A third target, the opsbook server
 * answering the same fixed body from a route, separates the server's guards from the decision itself.
 *
 * <p>Each rep measures the floor, {@code classify} and {@code obligations} in turn, each after its own warm-up, and
 * reports requests per second; only the ratios within one rep count. Every answer is checked: status 200 and the
 * expected first bytes of the body, else the run fails.
 *
 * <pre>
 * mvn -B -ntp -Pbench -pl ops-benchmarks -am package -DskipTests
 * java -Xms512m -Xmx512m -cp ops-benchmarks/target/benchmarks.jar org.opsbook.examples.http.HttpBench 16 10 3
 * </pre>
 *
 * Arguments: clients (default 16), seconds measured per target (default 10), reps (default 3).
 */
public final class HttpBench {
  static final String CLASSIFY = "{\"affectsNormalCommunication\": true, \"affectedCustomersConfirmed\": 600,"
      + " \"keyInterfaceOutageMinutes\": 20}";
  static final String OBLIGATIONS = "{\"facts\": {\"faultId\": \"F-1\", \"complaintCount\": 25,"
      + " \"detectedAt\": \"2026-11-25T09:00:00+08:00\", \"reportedToRoomManagerAt\": \"2026-11-25T09:10:00+08:00\"},"
      + " \"now\": \"2026-11-25T10:00:00+08:00\", \"events\": [{\"type\": \"DUTY_COMPLETED\","
      + " \"ruleId\": \"ESC-PROG-01\", \"at\": \"2026-11-25T09:35:00+08:00\"}]}";

  private HttpBench() {}

  /** Runs the benchmark; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    int clients = BenchArgs.intAt(args, 0, 16);
    int seconds = BenchArgs.intAt(args, 1, 10);
    int reps = BenchArgs.intAt(args, 2, 3);
    DecisionApi api = DecisionApi.standard();
    String fixed = api.execute("classify", CLASSIFY).bodyText();
    byte[] classifyAnswer = fixed.getBytes(StandardCharsets.UTF_8);
    try (OpsHttpServer ops = OpsHttpServer.builder(api).port(0).accessLog(line -> { })
        .route("/static", OpsHttpServer.Access.PUBLIC, exchange -> OpsHttpServer.Reply.json(200, fixed)).build().start();
        Floor floor = new Floor(classifyAnswer)) {
      System.out.printf(Locale.ROOT, "W8: %d clients, %d s per target, %d cores, %s%n", clients, seconds,
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
      System.out.println("| rep | target | requests/s | ÷ floor |");
      System.out.println("|---|---|---|---|");
      List<double[]> ratios = new ArrayList<>();
      for (int rep = 1; rep <= reps; rep++) {
        double base = run(floor.port(), "/v1/classify", CLASSIFY, "\"level\"", clients, seconds);
        double guarded = run(ops.port(), "/static", CLASSIFY, "\"level\"", clients, seconds);
        double classify = run(ops.port(), "/v1/classify", CLASSIFY, "\"level\"", clients, seconds);
        double obligations = run(ops.port(), "/v1/obligations", OBLIGATIONS, "\"classification\"", clients,
            seconds);
        System.out.printf(Locale.ROOT, "| %d | static Jetty (floor) | %.0f | 1.00 |%n", rep, base);
        System.out.printf(Locale.ROOT, "| %d | opsbook server, fixed answer | %.0f | %.2f |%n", rep, guarded,
            guarded / base);
        System.out.printf(Locale.ROOT, "| %d | classify | %.0f | %.2f |%n", rep, classify, classify / base);
        System.out.printf(Locale.ROOT, "| %d | obligations | %.0f | %.2f |%n", rep, obligations, obligations / base);
        ratios.add(new double[] {classify / base, obligations / base});
      }
      double[] c = ratios.stream().mapToDouble(r -> r[0]).sorted().toArray();
      double[] o = ratios.stream().mapToDouble(r -> r[1]).sorted().toArray();
      System.out.printf(Locale.ROOT, "classify ÷ floor: median %.2f (%.2f–%.2f); obligations ÷ floor: median %.2f"
          + " (%.2f–%.2f); goal ≥ 0.50%n", c[c.length / 2], c[0], c[c.length - 1], o[o.length / 2], o[0],
          o[o.length - 1]);
    }
  }

  /** Warms up for a third of {@code seconds}, then counts answers for {@code seconds}; returns requests/s. */
  static double run(int port, String path, String body, String needle, int clients, int seconds)
      throws Exception {
    byte[] request = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    
    LongAdder done = new LongAdder();
    AtomicBoolean counting = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    List<Throwable> failures = new ArrayList<>();
    CountDownLatch finished = new CountDownLatch(clients);
    for (int i = 0; i < clients; i++) {
      Thread t = new Thread(() -> {
        try (Socket socket = new Socket()) {
          socket.setTcpNoDelay(true);
          socket.connect(new InetSocketAddress("127.0.0.1", port));
          OutputStream out = socket.getOutputStream();
          InputStream in = new BufferedInputStream(socket.getInputStream(), 16384);
          while (!stop.get()) {
            out.write(request);
            out.flush();
            readAnswer(in, needle);
            if (counting.get()) {
              done.increment();
            }
          }
        } catch (Throwable e) {
          synchronized (failures) {
            failures.add(e);
          }
        } finally {
          finished.countDown();
        }
      }, "w8-client-" + i);
      t.setDaemon(true);
      t.start();
    }
    Thread.sleep(Math.max(1000L, seconds * 1000L / 3));
    counting.set(true);
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    long count = done.sum();
    long elapsed = System.nanoTime() - start;
    stop.set(true);
    finished.await();
    if (!failures.isEmpty()) {
      throw new IllegalStateException("a client failed on " + path, failures.get(0));
    }
    return count * 1e9 / elapsed;
  }

  /** Reads one HTTP/1.1 answer (Content-Length or chunked); fails unless it is a 200 JSON object holding needle. */
  static void readAnswer(InputStream in, String needle) throws IOException {
    String status = line(in);
    if (!status.startsWith("HTTP/1.1 200")) {
      throw new IOException("answer " + status);
    }
    int length = -1;
    boolean chunked = false;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    byte[] body;
    if (chunked) {
      ByteBuffer all = ByteBuffer.allocate(1 << 16);
      for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
        all.put(in.readNBytes(size));
        line(in);
      }
      line(in);
      body = Arrays.copyOf(all.array(), all.position());
    } else if (length >= 0) {
      body = in.readNBytes(length);
    } else {
      throw new IOException("answer without a length");
    }
    String text = new String(body, StandardCharsets.UTF_8);
    if (!text.startsWith("{") || !text.contains(needle)) {
      throw new IOException("unexpected body: " + text);
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  /** The floor: Jetty answering a fixed JSON body after reading the request's body. */
  static final class Floor implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    Floor(byte[] answer) throws Exception {
      server = new Server(new QueuedThreadPool(64, 4));
      connector = new ServerConnector(server);
      connector.setHost("127.0.0.1");
      connector.setPort(0);
      server.addConnector(connector);
      server.setHandler(new Handler.Abstract() {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
          Content.Source.asByteBuffer(request);
          response.setStatus(200);
          response.getHeaders().put("Content-Type", "application/json; charset=utf-8");
          response.write(true, ByteBuffer.wrap(answer), callback);
          return true;
        }
      });
      server.start();
    }

    int port() {
      return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
      server.stop();
    }
  }
}
