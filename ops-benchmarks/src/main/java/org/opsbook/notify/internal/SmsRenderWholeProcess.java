package org.opsbook.notify.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.opsbook.benchmarks.support.BenchArgs;

/**
 * W4 whole process: 1M renders per implementation over the 64k fixed-seed contexts of {@link SmsRenderBenchmark},
 * with a checksum, timed in thread CPU time so that other processes on a shared machine distort the ratios less
 * than wall time does. Implementations run in rotating order, several repetitions each; the report gives the best
 * and the median CPU nanoseconds per render and each one's ratio to opsbook's best.
 *
 * <p>Run: {@code java -cp ops-benchmarks/target/benchmarks.jar org.opsbook.notify.internal.SmsRenderWholeProcess
 * [repetitions]} after {@code mvn -B -ntp -Pbench -pl ops-benchmarks -am package -DskipTests}.
 */
public final class SmsRenderWholeProcess {
  private static final int RENDERS = 1_000_000;

  private SmsRenderWholeProcess() {}

  /** Runs the comparison and prints one line per implementation. */
  public static void main(String[] args) throws Exception {
    int reps = BenchArgs.intAt(args, 0, 5);
    SmsRenderBenchmark b = new SmsRenderBenchmark();
    b.setUp();
    Map<String, Supplier<String>> impls = new LinkedHashMap<>();
    impls.put("ours", b::ours);
    impls.put("concat", b::concat);
    impls.put("messageFormat", b::messageFormat);
    impls.put("pebble", b::pebble);
    impls.put("mustache", b::mustache);
    impls.put("handlebars", b::handlebars);
    impls.put("freemarker", b::freemarker);
    impls.put("replaceChain", b::replaceChain);
    impls.put("tpl01Ours", b::tpl01Ours);
    impls.put("tpl01Concat", b::tpl01Concat);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<String, List<Double>> times = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(impls.keySet());
    long checksum = 0;
    for (int warm = 0; warm < 2; warm++) {
      for (String name : names) {
        checksum += run(impls.get(name), RENDERS / 4);
      }
    }
    for (int rep = 0; rep < reps; rep++) {
      Collections.rotate(names, 1);
      for (String name : names) {
        long t0 = mx.getCurrentThreadCpuTime();
        checksum += run(impls.get(name), RENDERS);
        long t1 = mx.getCurrentThreadCpuTime();
        times.computeIfAbsent(name, k -> new ArrayList<>()).add((t1 - t0) / (double) RENDERS);
      }
    }
    double oursBest = Collections.min(times.get("ours"));
    double tplBest = Collections.min(times.get("tpl01Ours"));
    System.out.printf("%-14s %12s %12s %10s%n", "impl", "best ns", "median ns", "best/ours");
    for (Map.Entry<String, List<Double>> e : times.entrySet()) {
      List<Double> v = new ArrayList<>(e.getValue());
      Collections.sort(v);
      double ref = e.getKey().startsWith("tpl01") ? tplBest : oursBest;
      System.out.printf("%-14s %12.1f %12.1f %10.2f%n", e.getKey(), v.get(0), v.get(v.size() / 2), v.get(0) / ref);
    }
    System.out.println("checksum " + checksum);
  }

  private static long run(Supplier<String> impl, int n) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += impl.get().length();
    }
    return sum;
  }
}
