package org.opsbook.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.opsbook.core.RuleId;

class StoredJsonTest {
  @Test
  void anyEvidenceRoundTripsThroughTheHandWrittenJson() {
    qt().forAll(strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 30),
        strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 60)).checkAssert((k, v) -> {
          Map<String, String> details = Map.of(k, v, "z", "\"\\\n\t\u0001", "note", "核实 13800138000");
          assertThat(StoredJson.readDetails(StoredJson.details(details))).isEqualTo(details);
        });
  }

  @Test
  void ruleIdsRoundTripInTheirNaturalOrder() {
    SortedSet<RuleId> ids = new TreeSet<>();
    ids.add(RuleId.of("SM-DATAOP-MOD-T08"));
    ids.add(RuleId.of("DATAOP-MOD-14"));
    ids.add(RuleId.of("ESC-REQ-02.3"));
    assertThat(StoredJson.ruleIds(ids)).isEqualTo("[\"DATAOP-MOD-14\",\"ESC-REQ-02.3\",\"SM-DATAOP-MOD-T08\"]");
    assertThat(StoredJson.readRuleIds(StoredJson.ruleIds(ids))).isEqualTo(ids);
    assertThat(StoredJson.ruleIds(new TreeSet<>())).isEqualTo("[]");
    assertThat(StoredJson.details(Map.of())).isEqualTo("{}");
  }
}
