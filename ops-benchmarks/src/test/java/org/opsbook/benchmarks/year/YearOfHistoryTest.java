package org.opsbook.benchmarks.year;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opsbook.core.spi.AuditLog.AuditVerification;
import org.opsbook.jdbc.OpsJdbc;

/** The year's generator at a thousandth of the year: it writes what it says, and everything it writes reads back. */
class YearOfHistoryTest {
  private static final double SCALE = 0.001;

  @Test
  void aThousandthOfTheYearHoldsItsShareOfEveryKindOfRecord() throws Exception {
    DataSource ds = OpsJdbc.pooled(OpsJdbc.h2MemoryUrl("year_test"), "sa", "", 2);
    OpsJdbc.migrate(ds);
    OpsJdbc jdbc = OpsJdbc.create(ds).withCallerClock();
    YearOfHistory.Counts c = YearOfHistory.write(jdbc, SCALE, new PrintStream(OutputStream.nullOutputStream()));

    assertThat(c.faults()).isEqualTo(40);
    assertThat(c.duties()).isEqualTo(40L * YearOfHistory.DUTIES_PER_FAULT).isEqualTo(2_000);
    assertThat(c.sms()).isEqualTo(200);
    assertThat(c.tickets()).isEqualTo(20);
    assertThat(c.faultEvents()).isGreaterThanOrEqualTo(c.faults() * 3);
    // the filler tops the cloned lifecycles' records up to the year's share exactly
    assertThat(c.audit()).isEqualTo(10_000);

    // the rows stored: the counts above plus the engine's own lifecycle each kind was cloned from
    Map<String, Long> rows = YearOfHistory.rowCounts(ds);
    assertThat(rows.get("ops_fault")).isEqualTo(c.faults() + 1);
    assertThat(rows.get("ops_fault_event")).isGreaterThan(c.faultEvents());
    assertThat(rows.get("ops_obligation")).as("a closed year leaves no timer pending").isZero();
    assertThat(rows.get("ops_obligation_done")).isBetween(c.duties(), c.duties() + 20);
    // the templates: the fault's SMS, the modification, the reviewed cutover and the archived one
    assertThat(rows.get("ops_workflow")).isEqualTo(c.sms() + c.tickets() + 4);
    assertThat(rows.get("ops_outbox")).isEqualTo(c.sms() + 1);
    assertThat(rows.get("ops_audit")).isBetween(c.audit(), c.audit() + 50);

    // every fault of the year is closed, every SMS sent, every audit stream verifies
    assertThat(jdbc.faults().openFaults()).isEmpty();
    assertThat(jdbc.outbox().list(java.util.Optional.empty()))
        .allSatisfy(m -> assertThat(m.state()).isEqualTo(org.opsbook.core.spi.MessageOutbox.OutboxState.SENT));
    List<AuditVerification> broken = jdbc.auditLog().verifyAll().stream().filter(v -> !v.intact()).toList();
    assertThat(broken).isEmpty();
    // the cloned records decode as the engine's: a fault's SMS read back by its key prefix
    assertThat(jdbc.workflows().listByIdPrefix("SM-SMS", "F-000007/")).hasSize(YearOfHistory.SMS_PER_FAULT);
    assertThat(jdbc.faults().events("F-000007")).hasSameSizeAs(jdbc.faults().events("TPL-F"));
  }
}
