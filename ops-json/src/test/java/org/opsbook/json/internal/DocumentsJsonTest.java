package org.opsbook.json.internal;

import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.opsbook.core.Actor;
import org.opsbook.core.ActorKind;
import org.opsbook.core.Channel;
import org.opsbook.core.Classification;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Level;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;

class DocumentsJsonTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void classificationMatchesTheDecisionApiShapeAndRoundTrips() {
    Classification c = Classification.builder().level(Level.L2)
        .addMatchedRules(RuleId.of("FAULT-CLASS-L2-01"))
        .addMatchedRulesAllLevels(RuleId.of("FAULT-CLASS-L2-01"), RuleId.of("FAULT-CLASS-L1-10")).build();
    JsonNode doc = ClassificationJson.SCHEMA.write(c, ZoneOffset.UTC);
    assertThat(OpsJson.write(doc)).isEqualTo("{\"level\":\"L2\",\"severityLabel\":\"重大\",\"escalated\":true,"
        + "\"matchedRules\":[\"FAULT-CLASS-L2-01\"],"
        + "\"matchedRulesAllLevels\":[\"FAULT-CLASS-L1-10\",\"FAULT-CLASS-L2-01\"]}");
    assertThat(ClassificationJson.SCHEMA.read(doc, "")).isEqualTo(c);
  }

  @Test
  void anOverriddenClassificationWritesTheFlagAndReadsBackIgnoringTheDerivedLabel() {
    Classification c = Classification.builder().level(Level.L1).overriddenByManual(true)
        .addMatchedRules(RuleId.of("FAULT-CLASS-L1-10")).addMatchedRulesAllLevels(RuleId.of("FAULT-CLASS-L1-10")).build();
    JsonNode doc = ClassificationJson.SCHEMA.write(c, ZoneOffset.UTC);
    assertThat(OpsJson.write(doc)).isEqualTo("{\"level\":\"L1\",\"severityLabel\":\"严重\",\"escalated\":true,"
        + "\"matchedRules\":[\"FAULT-CLASS-L1-10\"],\"matchedRulesAllLevels\":[\"FAULT-CLASS-L1-10\"],"
        + "\"overriddenByManual\":true}");
    assertThat(ClassificationJson.SCHEMA.read(doc, "")).isEqualTo(c);
    assertThat(ClassificationJson.SCHEMA.read(OpsJson.parse("{\"level\":\"NONE\",\"severityLabel\":\"x\","
        + "\"escalated\":true}"), "")).isEqualTo(Classification.builder().level(Level.NONE).build());
  }

  /** Reads an obligation the response wrote back, with the subject the response leaves out. */
  private static Obligation readBack(JsonNode doc, String path, String subjectId) {
    Obligation.Builder b = Obligation.builder().subjectId(subjectId);
    Documents.OBLIGATION.readInto(JsonFields.of(doc, path, Documents.OBLIGATION.names()), b);
    return Documents.OBLIGATION.build(b, path);
  }

  @Test
  void obligationMatchesTheDecisionApiShapeAndRoundTrips() {
    Obligation o = Obligation.builder().ruleId(RuleId.of("ESC-DEPT-02")).subjectId("F-1").actor(Role.ROOM_MANAGER)
        .target("DEPT_MANAGER").channel(Channel.PHONE).action("report to the department manager")
        .dueAt(Instant.parse("2026-11-26T01:00:00Z")).build();
    JsonNode doc = Documents.OBLIGATION.write(o, SHANGHAI);
    assertThat(doc.get("dueAt").asText()).isEqualTo("2026-11-26T09:00:00+08:00");
    assertThat(doc.get("recurring").asBoolean()).isFalse();
    assertThat(readBack(doc, "obligations[0]", "F-1")).isEqualTo(o);
  }

  @Test
  void timelyObligationHasNullDueAt() {
    Obligation o = Obligation.builder().ruleId(RuleId.of("ESC-REQ-05")).subjectId("F-1").actor(Role.ESC_DUTY)
        .target("支持维护室").channel(Channel.PHONE).action("inform 支持维护室").build();
    JsonNode doc = Documents.OBLIGATION.write(o, SHANGHAI);
    assertThat(doc.get("dueAt").isNull()).isTrue();
    assertThat(readBack(doc, "", "F-1")).isEqualTo(o);
  }

  @Test
  void actorRoundTripsAndUnknownRoleNamesItsPath() {
    Actor a = Actor.builder().id("zhang").addRoles(Role.DATA_SUBMITTER, Role.REQUESTER).org("数据分析室")
        .kind(ActorKind.CITY_STAFF).build();
    assertThat(ActorJson.read(ActorJson.write(a), "")).isEqualTo(a);
    try {
      ActorJson.read(OpsJson.parse("{\"id\":\"x\",\"roles\":[\"ROOM_MANAGER\",\"KING\"]}"), "steps[0].actor");
      throw new AssertionError("accepted an unknown role");
    } catch (InvalidInputException e) {
      assertThat(e.field()).isEqualTo("steps[0].actor.roles[1]");
    }
  }
}
