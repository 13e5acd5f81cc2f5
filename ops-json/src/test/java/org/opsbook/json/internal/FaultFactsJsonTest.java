package org.opsbook.json.internal;

import org.opsbook.json.OpsJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultFacts.CoreInterface;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Level;
import org.opsbook.core.FaultFacts.LoginSystem;
import org.opsbook.core.NetworkOutageScope;
import org.quicktheories.core.Gen;

class FaultFactsJsonTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static InvalidInputException invalid(String json) {
    try {
      FaultFactsJson.read(OpsJson.parse(json), "");
    } catch (InvalidInputException e) {
      return e;
    }
    throw new AssertionError("accepted: " + json);
  }

  /** The facts are refused naming {@code field}, and the reason says each of {@code reasonSays}. */
  private static void assertRefused(String json, String field, String... reasonSays) {
    InvalidInputException e = invalid(json);
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.reason()).contains(reasonSays);
  }

  @Test
  void negativeCountNamesTheField() {
    assertRefused("{\"complaintCount\":-1}", "complaintCount", "-1");
  }

  @Test
  void unknownFieldNamesTheField() {
    assertThat(invalid("{\"complaintCont\":3}").field()).isEqualTo("complaintCont");
  }

  @Test
  void wrongTypeNamesTheField() {
    assertThat(invalid("{\"affectsNormalCommunication\":\"yes\"}").field()).isEqualTo("affectsNormalCommunication");
    assertThat(invalid("{\"complaintCount\":2.5}").field()).isEqualTo("complaintCount");
    assertThat(invalid("{\"loginOutageMinutes\":{\"CC\":\"x\"}}").field()).isEqualTo("loginOutageMinutes.CC");
  }

  @Test
  void timestampWithoutOffsetNamesTheField() {
    assertRefused("{\"repairedAt\":\"2026-11-25T14:30:00\"}", "repairedAt", "without an offset");
  }

  @Test
  void unknownEnumValueNamesTheFieldAndTheChoices() {
    assertRefused("{\"nature\":\"HARDWARE\"}", "nature", "BUSINESS", "SYSTEM");
  }

  @Test
  void nestedErrorsCarryTheirPath() {
    JsonNode doc = OpsJson.parse("{\"facts\":{\"csComplaintLevel\":0}}");
    assertThatThrownBy(() -> FaultFactsJson.read(doc.get("facts"), "facts"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("facts.csComplaintLevel"));
    JsonNode manual = OpsJson.parse("{\"facts\":{\"manualLevelAssessment\":\"L1\"}}");
    assertThatThrownBy(() -> FaultFactsJson.read(manual.get("facts"), "facts"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("facts.manualLevelJustification"));
  }

  @Test
  void malformedJsonAndDuplicateKeysAreInvalidInput() {
    assertThatThrownBy(() -> OpsJson.parse("{\"a\":")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> OpsJson.parse("{\"a\":1,\"a\":2}")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> OpsJson.parse("{} {}")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> OpsJson.parse("  ")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void absentFactsTakeNeutralDefaults() {
    assertThat(FaultFactsJson.read(OpsJson.parse("{}"), "")).isEqualTo(FaultFacts.empty());
    assertThat(FaultFactsJson.read(OpsJson.parse("{\"complaintCount\":null}"), "")).isEqualTo(FaultFacts.empty());
  }

  @Test
  void timestampsAcceptAnyOffsetAndAreWrittenInTheZone() {
    FaultFacts f = FaultFactsJson.read(OpsJson.parse("{\"faultStartTime\":\"2026-11-25T06:30:00Z\"}"), "");
    assertThat(f.faultStartTime()).contains(Instant.parse("2026-11-25T06:30:00Z"));
    assertThat(FaultFactsJson.write(f, SHANGHAI).get("faultStartTime").asText())
        .isEqualTo("2026-11-25T14:30:00+08:00");
  }

  private static Gen<FaultFacts> facts() {
    Gen<Integer> counts = integers().between(0, 20_000);
    Gen<Double> minutes = doubles().between(0, 10_000);
    Gen<Instant> times = longs().between(1_700_000_000L, 1_900_000_000L).map((Long s) -> Instant.ofEpochSecond(s));
    return counts.zip(counts, minutes, booleans().all(), (a, b, m, flag) -> FaultFacts.builder()
            .faultId("F-" + a).affectedCustomersConfirmed(a).affectedCustomersPotential(b)
            .hotBusinessOutageMinutes(m).affectsNormalCommunication(flag).complaintCount(a % 120)
            .putLoginOutageMinutes(LoginSystem.BOSS, m).putCoreInterfaceFullOutageMinutes(CoreInterface.HLR, m / 2)
            .networkOutageScope(NetworkOutageScope.values()[a % 3]).nature(FaultNature.values()[b % 2]))
        .zip(times, integers().between(1, 5), (builder, t, level) -> builder.faultStartTime(t)
            .repairedAt(t.plusSeconds(level * 600L)).csComplaintLevel(level)
            .manualLevelAssessment(level > 3 ? Level.L1 : Level.NONE)
            .manualLevelJustification(level > 3 ? "判断" : "").build());
  }

  @Test
  void everyFactOfTheTableRoundTrips() {
    java.util.Set<String> written = new java.util.TreeSet<>();
    qt().withExamples(400).forAll(SchemaGen.documents(FaultFactsJson.SCHEMA)).checkAssert(f -> {
      JsonNode json = FaultFactsJson.write(f, SHANGHAI);
      json.fieldNames().forEachRemaining(written::add);
      assertThat(FaultFactsJson.read(OpsJson.parse(OpsJson.write(json)), "")).isEqualTo(f);
    });
    assertThat(written).as("every fact generated and written").isEqualTo(new java.util.TreeSet<>(FaultFactsJson.FIELDS));
    assertThat(FaultFactsJson.FIELDS).hasSize(88);
  }

  @Test
  void everyFactsDocumentRoundTrips() {
    qt().forAll(facts()).checkAssert(f -> {
      String text = OpsJson.write(FaultFactsJson.write(f, SHANGHAI));
      assertThat(FaultFactsJson.read(OpsJson.parse(text), "")).isEqualTo(f);
    });
  }
}
