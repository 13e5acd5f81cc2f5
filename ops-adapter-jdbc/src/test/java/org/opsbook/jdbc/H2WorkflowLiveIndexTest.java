package org.opsbook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.opsbook.core.spi.WorkflowRepository;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;
import org.opsbook.jdbc.internal.JdbcWorkflowRepository;

/**
 * On H2, the live instances of a machine ({@code listInStates}) are read by seeks of the (machine, state) index (V6),
 * not by reading every instance of the machine: a year of archived instances does not slow the live list. The
 * H2 plan of the statement the repository runs counts the index rows it read.
 */
class H2WorkflowLiveIndexTest {
  @AutoClose
  private final TestDatabases.Db db = TestDatabases.h2("liveidx");
  private final WorkflowRepository workflows = db.migrated().workflows();

  @Test
  void theLiveInstancesAreReadByIndexSeeksNotAScanOfTheMachine() throws Exception {
    Instant t = Instant.parse("2026-11-01T00:00:00Z");
    for (int i = 0; i < 300; i++) {
      workflows.create(WorkflowInstance.builder().id("CO-" + i).machine("SM-CUTOVER")
          .state(i < 3 ? "DRAFTING" : "ARCHIVED").version(0).dataJson("{}").createdAt(t.plusSeconds(i))
          .updatedAt(t.plusSeconds(i)).build(), List.of());
    }
    assertThat(workflows.listInStates("SM-CUTOVER", Set.of("DRAFTING", "READY")))
        .extracting(WorkflowInstance::id).containsExactly("CO-2", "CO-1", "CO-0");
    // the repository's condition with the test's values in place of its parameters, as H2 plans it
    String where = JdbcWorkflowRepository.inStatesWhere(true, 2);
    for (String v : List.of("SM-CUTOVER", "DRAFTING", "SM-CUTOVER", "READY")) {
      where = where.replaceFirst("\\?", "'" + v + "'");
    }
    StringBuilder plan = new StringBuilder();
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN ANALYZE SELECT id FROM ops_workflow WHERE " + where
            + " ORDER BY updated_at DESC, id")) {
      while (rs.next()) {
        plan.append(rs.getString(1));
      }
    }
    Matcher m = Pattern.compile("scanCount: (\\d+)").matcher(plan);
    assertThat(m.find()).as("%s", plan).isTrue();
    assertThat(plan.toString()).contains("ops_workflow_state_idx");
    assertThat(Integer.parseInt(m.group(1))).as("index rows read, of 300: %s", plan).isLessThanOrEqualTo(5);
    // the condition H2 cannot seek on both columns reads every instance of the machine
    String plain = JdbcWorkflowRepository.inStatesWhere(false, 2).replaceFirst("\\?", "'SM-CUTOVER'")
        .replaceFirst("\\?", "'DRAFTING'").replaceFirst("\\?", "'READY'");
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN ANALYZE SELECT id FROM ops_workflow WHERE " + plain)) {
      rs.next();
      Matcher all = Pattern.compile("scanCount: (\\d+)").matcher(rs.getString(1));
      assertThat(all.find()).isTrue();
      assertThat(Integer.parseInt(all.group(1))).isGreaterThan(300);
    }
  }
}
