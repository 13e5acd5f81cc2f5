package org.opsbook.examples.embed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Quiet by default: the embedding example, run as its own process on the examples' class path (slf4j-simple bound,
 * configured by simplelogger.properties), prints what it means to print and nothing from the logging set-up or from
 * Flyway's migration of the embedded database.
 */
class QuietConsoleTest {
  @Test
  void ESC_ROOM_01_theEmbedExamplePrintsItsDutiesAndNoLogLines() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Dfile.encoding=UTF-8", "-cp",
        System.getProperty("java.class.path"), EmbedExample.class.getName())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
    // the example prints a handful of lines: reading both streams after exit cannot fill a pipe
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the example finished").isTrue();
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), UTF_8);

    assertThat(p.exitValue()).as("exit code; stderr: %s", err).isZero();
    assertThat(out).contains("ESC-ROOM-01 ESC_DUTY -> ROOM_MANAGER", "SMS to ");
    assertThat(out + err).doesNotContain("SLF4J", "No SLF4J providers", "Flyway", "flywaydb", "Migrating schema",
        "Successfully applied", "[main] INFO");
    assertThat(err).as("standard error").isEmpty();
  }
}
