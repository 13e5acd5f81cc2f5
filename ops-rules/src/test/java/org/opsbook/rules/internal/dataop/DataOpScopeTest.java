package org.opsbook.rules.internal.dataop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsbook.rules.internal.dataop.Fixtures.EXT;
import static org.opsbook.rules.internal.dataop.Fixtures.MOD;
import static org.opsbook.rules.internal.dataop.Fixtures.SUBMITTER;
import static org.opsbook.rules.internal.dataop.Fixtures.T0;
import static org.opsbook.rules.internal.dataop.Fixtures.extraction;
import static org.opsbook.rules.internal.dataop.Fixtures.modification;
import static org.opsbook.rules.internal.dataop.Fixtures.none;

import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.OpsParameters;
import org.opsbook.core.RuleId;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.DataOpEvent;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.dataop.TargetSystem;

/**
 * DATAOP-DEF-05: 「以上数据修改操作工作原则适用于BOSS、IBOSS、CALLCENTER以及渠道系统」, and for OTHER systems only while the
 * host keeps {@code dataOpApplyToOtherSystems} on (the default).
 */
class DataOpScopeTest {
  private static final OpsParameters OFF = OpsParameters.builder().dataOpApplyToOtherSystems(false).build();
  private static final DataOpWorkflow MOD_OFF = DataOpWorkflow.modification(OFF);

  private static DataOp on(TargetSystem system) {
    return modification().targetSystem(system).build();
  }

  @Test
  @DisplayName("DATAOP-DEF-05 by default (dataOpApplyToOtherSystems true) the modification rules govern OTHER systems too")
  void otherSystemsAreGovernedByDefault() {
    assertThat(OpsParameters.defaults().dataOpApplyToOtherSystems()).isTrue();
    for (TargetSystem t : TargetSystem.values()) {
      assertThat(MOD.governs(on(t))).as(t.name()).isTrue();
    }
    DataOpTicket other = DataOpTicket.draft("DM-1", on(TargetSystem.OTHER));
    assertThat(MOD.create(other, SUBMITTER, T0).isAccepted()).isTrue();
    assertThat(MOD.apply(other, DataOpEvent.SUBMIT, SUBMITTER, none(), T0).isAccepted()).isTrue();
    DataOpTicket noUrgency = DataOpTicket.draft("DM-2", on(TargetSystem.OTHER).toBuilder().urgency("").build());
    assertThat(MOD.apply(noUrgency, DataOpEvent.SUBMIT, SUBMITTER, none(), T0).violatedRules())
        .containsExactly(RuleId.of("DATAOP-ROLE-01"));
  }

  @Test
  @DisplayName("DATAOP-DEF-05 with dataOpApplyToOtherSystems false an OTHER system is outside the modification workflow")
  void otherSystemsAreOutsideWhenTheHostSaysSo() {
    assertThat(MOD_OFF.governs(on(TargetSystem.OTHER))).isFalse();
    DataOpTicket other = DataOpTicket.draft("DM-1", on(TargetSystem.OTHER));
    for (Runnable call : new Runnable[] {() -> MOD_OFF.create(other, SUBMITTER, T0),
        () -> MOD_OFF.apply(other, DataOpEvent.SUBMIT, SUBMITTER, none(), T0)}) {
      assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
        assertThat(e.field()).isEqualTo("targetSystem");
        assertThat(e.ruleId()).contains(RuleId.of("DATAOP-DEF-05"));
      });
    }
  }

  @Test
  @DisplayName("DATAOP-DEF-05 with dataOpApplyToOtherSystems false the four named systems keep every rule")
  void theNamedSystemsKeepTheirRulesEitherWay() {
    for (TargetSystem t : EnumSet.complementOf(EnumSet.of(TargetSystem.OTHER))) {
      assertThat(MOD_OFF.governs(on(t))).as(t.name()).isTrue();
      DataOpTicket ticket = DataOpTicket.draft("DM-1", on(t));
      assertThat(MOD_OFF.apply(ticket, DataOpEvent.SUBMIT, SUBMITTER, none(), T0).isAccepted()).as(t.name())
          .isTrue();
      DataOpTicket noUrgency = DataOpTicket.draft("DM-2", on(t).toBuilder().urgency("").build());
      assertThat(MOD_OFF.apply(noUrgency, DataOpEvent.SUBMIT, SUBMITTER, none(), T0).violatedRules()).as(t.name())
          .containsExactly(RuleId.of("DATAOP-ROLE-01"));
    }
    DataOp unnamed = modification().targetSystem(java.util.Optional.empty()).build();
    assertThat(MOD_OFF.governs(unnamed)).isTrue();
    assertThat(MOD_OFF.apply(DataOpTicket.draft("DM-3", unnamed), DataOpEvent.SUBMIT, SUBMITTER, none(), T0)
        .violatedRules()).containsExactly(RuleId.of("DATAOP-DEF-05"));
  }

  @Test
  @DisplayName("DATAOP-DEF-05 the extraction rules cover every system, whatever dataOpApplyToOtherSystems says")
  void extractionsAreGovernedOnEverySystem() {
    DataOpWorkflow extOff = DataOpWorkflow.extraction(OFF, StandardWorkCalendar.weekdays());
    for (TargetSystem t : TargetSystem.values()) {
      DataOp op = extraction().targetSystem(t).build();
      assertThat(EXT.governs(op)).as(t.name()).isTrue();
      assertThat(extOff.governs(op)).as(t.name()).isTrue();
    }
  }
}
