package org.opsbook.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.json.OpsJson;

/** {@code classify} and {@code report} as the launcher serves them. */
class RulesCommandsTest {
  private static String[] run(String stdin, String command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Main.run(new String[] {command}, new ByteArrayInputStream(stdin.getBytes(UTF_8)),
        new PrintStream(out, true, UTF_8), new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
    return new String[] {Integer.toString(status), out.toString(UTF_8)};
  }

  /** Runs {@code command} on {@code stdin}, asserts it exits with {@code status} and returns its JSON answer. */
  private static JsonNode answer(String stdin, String command, int status) {
    String[] r = run(stdin, command);
    assertThat(r[0]).as("exit status").isEqualTo(Integer.toString(status));
    return OpsJson.parse(r[1]);
  }

  @Test
  @DisplayName("FAULT-CLASS-L2-04 ./opsbook classify")
  void classify() {
    assertThat(answer("{\"complaintCount\": 55}", "classify", 0).get("matchedRules").toString())
        .isEqualTo("[\"FAULT-CLASS-L2-04\"]");
  }

  @Test
  @DisplayName("REPORT-WEEKLY-01 ./opsbook report, and its invalid input")
  void report() {
    assertThat(answer("{\"occurrencesInWeek\": 2}", "report", 0).get("firingRules").toString())
        .isEqualTo("[\"REPORT-WEEKLY-01\"]");
    assertThat(answer("{\"occurrencesInWeek\": -2}", "report", 2).at("/error/field").asText())
        .isEqualTo("occurrencesInWeek");
  }
}
