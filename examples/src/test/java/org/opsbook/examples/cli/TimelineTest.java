package org.opsbook.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code -Dopsbook.timeline=true}, the start-up timeline the W9 benchmark is profiled with: one line per phase on
 * standard error, in the order a decision command passes them, and an answer on standard output byte for byte the
 * one a run without it writes. It runs in a JVM of its own, since the switch is read once, when {@link Main} loads.
 */
class TimelineTest {
  private static final String REQUEST =
      "{ \"affectsNormalCommunication\": true, \"affectedCustomersConfirmed\": 600, \"keyInterfaceOutageMinutes\": 20 }";

  private record Run(int status, String out, String err) {}

  private static Run classify(String... properties) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(properties));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "classify"));
    Process p = new ProcessBuilder(command).start();
    p.getOutputStream().write(REQUEST.getBytes(UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the run ends").isTrue();
    return new Run(p.exitValue(), out, err);
  }

  @Test
  void theTimelineNamesEachPhaseInOrderAndLeavesTheAnswerAsItIs() throws Exception {
    Run plain = classify();
    Run timed = classify("-Dopsbook.timeline=true",
        "-Dopsbook.timeline.classes=org.opsbook.json.OpsJson,org.opsbook.no.SuchClass");
    assertThat(plain.status()).isZero();
    assertThat(plain.err()).doesNotContain("timeline");
    assertThat(timed.status()).isZero();
    assertThat(timed.out()).isEqualTo(plain.out());
    List<String> phases = timed.err().lines().filter(l -> l.startsWith("timeline"))
        .map(l -> l.replaceAll(" \\d+ us$", "")).toList();
    assertThat(phases).containsExactly("timeline main", "timeline command table", "timeline request read",
        "timeline OpsJson", "timeline: no class org.opsbook.no.SuchClass", "timeline SuchClass", "timeline answered",
        "timeline written");
    assertThat(timed.err().lines().filter(l -> l.startsWith("timeline command table")))
        .allMatch(l -> l.matches("timeline command table \\d+ us"));
  }

  /**
   * W9: {@code classify} links no lambda of its own, Guava's or Jackson's, and compiles no regular expression. Each
   * lambda call site costs a bootstrap call at start, and the first one sets up {@code java.lang.invoke} (several
   * milliseconds of a run of about 30 interpreted); the rule IDs are checked without {@code java.util.regex}. A
   * table or check written with one again fails here, not only in the benchmark.
   */
  @Test
  void classifyLinksNoLambdaAndCompilesNoPattern() throws Exception {
    Path log = Files.createTempFile("classify-classes", ".log");
    try {
      Run run = classify("-Xlog:class+load=info:file=" + log);
      assertThat(run.status()).isZero();
      assertThat(run.out()).startsWith("{\"level\":\"L2\",");
      List<String> loaded = Files.readAllLines(log);
      assertThat(loaded).as("the log lists the classes classify loads")
          .anyMatch(l -> l.contains(" org.opsbook.json.internal.Schema "));
      assertThat(loaded).filteredOn(l -> l.contains("$$Lambda"))
          .noneMatch(l -> l.contains(" org.opsbook.") || l.contains(" com.google.") || l.contains(" com.fasterxml."));
      assertThat(loaded).noneMatch(l -> l.contains(" java.util.regex.Pattern "));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
