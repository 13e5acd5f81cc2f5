package org.opsbook.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

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

  @Test
  @DisplayName("FAULT-CLASS-L2-04 ./opsbook classify")
  void classify() {
    String[] r = run("{\"complaintCount\": 55}", "classify");
    assertThat(r[0]).isEqualTo("0");
    assertThat(OpsJson.parse(r[1]).get("matchedRules").toString()).isEqualTo("[\"FAULT-CLASS-L2-04\"]");
  }

  @Test
  @DisplayName("REPORT-WEEKLY-01 ./opsbook report, and its invalid input")
  void report() {
    String[] r = run("{\"occurrencesInWeek\": 2}", "report");
    assertThat(r[0]).isEqualTo("0");
    assertThat(OpsJson.parse(r[1]).get("firingRules").toString()).isEqualTo("[\"REPORT-WEEKLY-01\"]");
    String[] bad = run("{\"occurrencesInWeek\": -2}", "report");
    assertThat(bad[0]).isEqualTo("2");
    assertThat(OpsJson.parse(bad[1]).at("/error/field").asText()).isEqualTo("occurrencesInWeek");
  }
}
