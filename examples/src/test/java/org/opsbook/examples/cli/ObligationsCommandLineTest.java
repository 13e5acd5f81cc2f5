package org.opsbook.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import org.opsbook.json.OpsJson;

/** {@code ./opsbook obligations} end to end through {@link Main}. */
class ObligationsCommandLineTest {
  private record Run(int status, JsonNode out) {}

  private static Run obligations(String request) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"obligations"},
        new ByteArrayInputStream(request.replace('\'', '"').getBytes(UTF_8)), new PrintStream(out, true, UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
    return new Run(status, OpsJson.parse(out.toString(UTF_8)));
  }

  @Test
  void anL2FaultOwesTheDepartmentReportNextMorning() {
    Run r = obligations("{'facts': {'faultId': 'F-20261125-01', 'nature': 'SYSTEM',"
        + " 'affectsNormalCommunication': true, 'affectedCustomersConfirmed': 620,"
        + " 'faultStartTime': '2026-11-25T09:00:00+08:00', 'detectedAt': '2026-11-25T09:05:00+08:00',"
        + " 'reportedToRoomManagerAt': '2026-11-25T09:10:00+08:00'}, 'now': '2026-11-25T14:30:00+08:00'}");
    assertThat(r.status()).isZero();
    assertThat(r.out().at("/classification/level").asText()).isEqualTo("L2");
    boolean deptFound = false;
    for (JsonNode o : r.out().get("obligations")) {
      if (o.get("ruleId").asText().equals("ESC-DEPT-02")) {
        deptFound = true;
        assertThat(o.get("actor").asText()).isEqualTo("ROOM_MANAGER");
        assertThat(o.get("target").asText()).isEqualTo("DEPT_MANAGER");
        assertThat(o.get("dueAt").asText()).isEqualTo("2026-11-26T09:00:00+08:00");
      }
    }
    assertThat(deptFound).isTrue();
  }

  @Test
  void aNegativeCountExitsTwoNamingTheField() {
    Run r = obligations("{'facts': {'complaintCount': -3}, 'now': '2026-11-25T14:30:00+08:00'}");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out().at("/error/code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(r.out().at("/error/field").asText()).isEqualTo("facts.complaintCount");
  }
}
