package org.opsbook.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.json.OpsJson;

/** The demo run three times on one database: the dashboard shows the latest run and counts the earlier ones. */
class DashboardRunsTest {
  @TempDir
  Path dir;

  @Test
  void showsTheLatestDemoRunOnlyWithTheNumberOfEarlierRunsStored() throws Exception {
    try (ServedDemo served = ServedDemo.afterRuns(dir.resolve("data"), 3)) {
      JsonNode d = OpsJson.parse(served.as("lisi").get("/api/dashboard").body());
      assertThat(d.get("earlierRuns").asInt()).isEqualTo(2);
      assertThat(ids(d.get("faults"), "faultId")).containsExactly("F-20261126-01-r3");
      assertThat(ids(d.get("repaired"), "faultId")).containsExactly("F-20261125-01-r3");
      assertThat(ids(d.get("workflows"), "id")).allMatch(id -> id.endsWith("-r3")).hasSize(4);
      assertThat(ids(d.get("messages"), "key")).isNotEmpty().allMatch(k -> k.startsWith("F-2026112") && k.contains("-r3/"));
      assertThat(served.as("lisi").get("/").body()).as("the note's place on the page").contains("id=\"runs\"");
    }
  }

  @Test
  void DemoRuns_anIdWithoutEarlierRunsIsAlwaysShown() {
    DemoRuns runs = DemoRuns.of(List.of("F-1", "F-1-r2", "F-OWN", "DM-7-r2"));
    assertThat(runs.latest("F-1")).isFalse();
    assertThat(runs.latest("F-1-r2")).isTrue();
    assertThat(runs.latest("F-OWN")).isTrue();
    assertThat(runs.latest("DM-7-r2")).isTrue();
    assertThat(runs.earlierRuns()).isEqualTo(1);
    assertThat(DemoRuns.of(List.of("F-1", "F-OWN")).earlierRuns()).isZero();
  }

  private static List<String> ids(JsonNode list, String field) {
    List<String> ids = new ArrayList<>();
    list.forEach(x -> ids.add(x.get(field).asText()));
    return ids;
  }
}
