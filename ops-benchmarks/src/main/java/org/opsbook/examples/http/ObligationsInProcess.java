package org.opsbook.examples.http;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.opsbook.benchmarks.support.BenchArgs;
import org.opsbook.json.DecisionApi;

/**
 * W8 in process: the CPU time of one {@code obligations} (and {@code classify}) call through
 * {@link DecisionApi#execute} on one thread, and the bytes it allocates, with HttpBench's request bodies, no HTTP. The loop to profile the
 * decision alone (JFR: {@code -XX:StartFlightRecording=filename=w8.jfr,settings=profile}).
 *
 * <pre>
 * java -Xms512m -Xmx512m -cp ops-benchmarks/target/benchmarks.jar org.opsbook.examples.http.ObligationsInProcess 5 4
 * </pre>
 *
 * Arguments: seconds of warm-up (default 5), figures of one second each (default 4).
 */
public final class ObligationsInProcess {
  private ObligationsInProcess() {}

  /** Runs the loop; see the class comment for the arguments. */
  public static void main(String[] args) {
    int warmup = BenchArgs.intAt(args, 0, 5);
    int figures = BenchArgs.intAt(args, 1, 4);
    DecisionApi api = DecisionApi.standard();
    loop(api, "obligations", HttpBench.OBLIGATIONS, warmup * 1_000_000_000L);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    com.sun.management.ThreadMXBean bytes = (com.sun.management.ThreadMXBean) mx;
    long self = Thread.currentThread().getId();
    StringBuilder line = new StringBuilder("obligations µs CPU per call (bytes allocated):");
    for (int i = 0; i < figures; i++) {
      long cpu = mx.getCurrentThreadCpuTime();
      long allocated = bytes.getThreadAllocatedBytes(self);
      long calls = loop(api, "obligations", HttpBench.OBLIGATIONS, 1_000_000_000L);
      line.append(String.format(Locale.ROOT, " %.1f (%d)", (mx.getCurrentThreadCpuTime() - cpu) / 1e3 / calls,
          (bytes.getThreadAllocatedBytes(self) - allocated) / calls));
    }
    System.out.println(line);
    loop(api, "classify", HttpBench.CLASSIFY, 2_000_000_000L);
    long cpu = mx.getCurrentThreadCpuTime();
    long calls = loop(api, "classify", HttpBench.CLASSIFY, 1_000_000_000L);
    System.out.printf(Locale.ROOT, "classify µs CPU per call: %.1f%n", (mx.getCurrentThreadCpuTime() - cpu) / 1e3
        / calls);
  }

  private static long loop(DecisionApi api, String command, String body, long nanos) {
    long end = System.nanoTime() + nanos;
    long calls = 0;
    int sink = 0;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 100; i++) {
        sink += api.execute(command, body).bodyText().length();
      }
      calls += 100;
    }
    if (sink == 42) {
      System.out.println(sink);
    }
    return calls;
  }
}
