package org.opsbook.benchmarks.masking;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.opsbook.core.Masking;

/**
 * Masking runs on every log line: {@link Masking#phonesIn} (every phone format, ID cards, dates kept) over 4096 log
 * lines of a fixed seed, beside the earlier masking of bare digit runs only (the floor) and a regular expression
 * for the same formats.
 *
 * <p>Run: {@code mvn -B -ntp -Pbench -pl ops-benchmarks -am package -DskipTests} then
 * {@code java -jar ops-benchmarks/target/benchmarks.jar MaskingBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MaskingBenchmark {
  static final int N = 1 << 12;
  private static final String[] PHONES = {"13800138000", "138-0013-8000", "138 0013 8000", "+86 138 0013 8000",
      "\uFF11\uFF13\uFF18\uFF10\uFF10\uFF11\uFF13\uFF18\uFF10\uFF10\uFF10", "138.0013.8000", "11010519491231002X"};
  private static final Pattern REGEX = Pattern.compile(
      "(?:\\+?\\d{1,4}[ -])?\\d{3}[ .-]?\\d{4}[ .-]?\\d{4}|\\d{17}[\\dXx]");

  private final String[] lines = new String[N];
  private int i;

  /** Builds the lines: a third quote a number, the rest are ordinary log text with dates and counts. */
  @Setup
  public void setup() {
    SplittableRandom r = new SplittableRandom(42);
    for (int k = 0; k < N; k++) {
      String base = "2026-12-04 15:06:51 INFO dataop:DM-" + r.nextInt(1000) + " passReview by zhao, recordCount "
          + r.nextInt(5000) + ", 复核通过";
      lines[k] = r.nextInt(3) == 0 ? base + " 联系 " + PHONES[r.nextInt(PHONES.length)] + " 回访" : base;
    }
  }

  private String next() {
    i = (i + 1) & (N - 1);
    return lines[i];
  }

  /** opsbook: one pass, every format. */
  @Benchmark
  public String phonesIn() {
    return Masking.phonesIn(next());
  }

  /** The floor: bare ASCII digit runs of 7 to 15 only (what masking did before). */
  @Benchmark
  public String digitRunsOnly() {
    String text = next();
    StringBuilder out = new StringBuilder(text.length());
    int k = 0;
    while (k < text.length()) {
      char c = text.charAt(k);
      if (c >= '0' && c <= '9') {
        int j = k;
        while (j < text.length() && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
          j++;
        }
        out.append(j - k >= 7 && j - k <= 15 ? Masking.phone(text.substring(k, j)) : text.substring(k, j));
        k = j;
      } else {
        out.append(c);
        k++;
      }
    }
    return out.toString();
  }

  /** A regular expression for the ASCII formats (misses full-width digits and invisible separators). */
  @Benchmark
  public String regex() {
    Matcher m = REGEX.matcher(next());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, "***");
    }
    m.appendTail(out);
    return out.toString();
  }
}
