package org.opsbook.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opsbook.core.FaultEvent;
import org.opsbook.core.FaultFacts;
import org.opsbook.json.DecisionApi;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.rules.internal.fault.ObligationEngine;

/**
 * The {@code assumptions} the {@code obligations} command names, computed with the classification first
 * ({@link FactAssumptions#ofClassifiedFirst}), are those of the definition: the whole outcome, classification and
 * obligations, folded again for the given facts and every alternative
 * ({@link Commands#obligationsAssumptionsByDefinition}). The requests vary the facts the alternatives change
 * (sameTypeComplaintCount, efficiencyDegraded, nature: absent or given), the facts that decide whether they matter
 * (complaints, ESC-ROOM-03's threshold, FAULT-CLASS-L1-12/L2-12's wait, customers, CS complaint level, report times,
 * the repair), the events and the time of the question.
 */
class ObligationsAssumptionsPropertiesTest {
  private static final DecisionApi API = DecisionApi.builder()
      .register(Commands.obligations(ObligationEngine.standard())).build();

  private static final String[] NATURE = {null, "BUSINESS", "SYSTEM"};
  private static final String[] DEGRADED = {null, "false", "true"};
  private static final String[] CHANNEL = {null, "PHONE", "COMPLAINT_TICKET", "ITC_MONITORING"};
  private static final String[] EVENTS = {
      "{'type': 'DUTY_COMPLETED', 'ruleId': 'ESC-PROG-01', 'at': '%s'}",
      "{'type': 'IMPACT_MAY_EXPAND', 'at': '%s'}",
      "{'type': 'DUTY_COMPLETED', 'ruleId': 'NOTIFY-TRIG-01', 'dutySequence': 1, 'at': '%s'}",
      "{'type': 'DUTY_COMPLETED', 'ruleId': 'ESC-ROOM-03', 'at': '%s'}",
      "{'type': 'SIGNIFICANT_PROGRESS', 'at': '%s'}"};

  @Test
  void assumptionsComputedClassificationFirstAreThoseOfTheDefinition() {
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger named = new AtomicInteger();
    AtomicInteger unknownNatureSms = new AtomicInteger();
    qt().withExamples(600).forAll(lists().of(integers().between(0, 1_000_000)).ofSize(16))
        .checkAssert(r -> {
          String request = request(r);
          DecisionApi.Response answer = API.execute("obligations", request);
          if (answer.exitCode() != 0) {
            return;
          }
          answered.incrementAndGet();
          List<String> names = new ArrayList<>();
          JsonNode a = answer.body().get("assumptions");
          if (a != null) {
            a.forEach(n -> names.add(n.asText()));
            named.incrementAndGet();
          }
          if (answer.body().get("obligations").findValuesAsText("ruleId").contains("NOTIFY-TRIG-02")) {
            unknownNatureSms.incrementAndGet();
          }
          JsonFields f = JsonFields.of(OpsJson.parse(request), "", Set.of("facts", "now", "events", "calendar"));
          JsonFields given = f.object("facts", FaultFactsJson.FIELDS);
          FaultFacts facts = FaultFactsJson.SCHEMA.read(given);
          Instant now = f.requiredTimestamp("now");
          List<FaultEvent> events = Commands.events(f, facts.faultId().orElse("fault"));
          assertThat(names).as(request).isEqualTo(Commands.obligationsAssumptionsByDefinition(given, facts,
              ObligationEngine.standard(), events, now));
        });
    // about 320 of the 600 generated requests are answered (304 to 334 over 25 runs): the bound sits well below
    // that, so it fails when the generator stops producing answerable requests and not on an unlucky seed
    assertThat(answered.get()).as("requests the command answered").isGreaterThan(240);
    assertThat(named.get()).as("answers naming assumptions").isGreaterThan(100);
    assertThat(unknownNatureSms.get()).as("answers owing NOTIFY-TRIG-02").isGreaterThan(20);
  }

  /** A request from 16 random numbers; about one field in three is left out. */
  private static String request(List<Integer> r) {
    int minutes = pick(r.get(12), 5, 30, 60, 300, 1500, 3000);
    StringBuilder facts = new StringBuilder("'faultId': 'F-1', 'detectedAt': '2026-11-25T09:00:00+08:00'");
    int complaints = pick(r.get(0), 0, 4, 9, 10, 11, 15, 25, 60);
    if (r.get(0) % 5 != 0) {
      facts.append(", 'complaintCount': ").append(complaints);
    }
    if (r.get(1) % 3 == 0) {
      facts.append(", 'sameTypeComplaintCount': ").append(r.get(1) % (complaints + 1));
    }
    String degraded = DEGRADED[r.get(2) % 3];
    if (degraded != null) {
      facts.append(", 'efficiencyDegraded': ").append(degraded);
    }
    if (r.get(3) % 2 == 0) {
      facts.append(", 'waitSecondsPerTransaction': ").append(pick(r.get(3) / 2, 10, 60, 61, 180, 181));
    }
    String nature = NATURE[r.get(4) % 3];
    if (nature != null) {
      facts.append(", 'nature': '").append(nature).append('\'');
    }
    if (r.get(5) % 3 == 0) {
      facts.append(", 'affectsNormalCommunication': true, 'affectedCustomersConfirmed': ")
          .append(pick(r.get(5) / 3, 10, 50, 600, 1200));
    }
    if (r.get(6) % 4 == 0) {
      facts.append(", 'csComplaintLevel': ").append(1 + r.get(6) / 4 % 4);
    }
    if (r.get(7) % 4 == 0) {
      facts.append(", 'sameFaultCustomerCount': ").append(r.get(7) / 4 % 15);
    }
    if (r.get(8) % 3 == 0) {
      facts.append(", 'reportedToRoomManagerAt': '").append(at(r.get(8) / 3 % (minutes + 1))).append('\'');
    }
    if (r.get(9) % 5 == 0) {
      facts.append(", 'repairedAt': '").append(at(r.get(9) / 5 % (minutes + 1))).append('\'');
    }
    String channel = CHANNEL[r.get(10) % 4];
    if (channel != null) {
      facts.append(", 'intakeChannel': '").append(channel).append('\'');
    }
    if (r.get(11) % 4 == 0) {
      facts.append(", 'csCenterLevel1SmsSentAt': '").append(at(r.get(11) / 4 % 60)).append('\'');
    }
    StringBuilder events = new StringBuilder();
    int first = r.get(13) % 3 == 0 ? -1 : r.get(13) % EVENTS.length;
    int second = r.get(14) % 2 == 0 ? -1 : r.get(14) % EVENTS.length;
    int t = r.get(15) % Math.max(1, minutes);
    if (first >= 0) {
      events.append(String.format(EVENTS[first], at(t)));
    }
    if (second >= 0) {
      events.append(events.length() > 0 ? ", " : "").append(String.format(EVENTS[second],
          at(t + (minutes - t) / 2)));
    }
    return ("{'facts': {" + facts + "}, 'now': '" + at(minutes) + "'"
        + (events.length() > 0 ? ", 'events': [" + events + "]" : "") + "}").replace('\'', '"');
  }

  private static int pick(int r, int... choices) {
    return choices[r % choices.length];
  }

  /** 2026-11-25T09:00+08:00 plus {@code minutes}, written with its offset. */
  private static String at(int minutes) {
    return Instant.parse("2026-11-25T01:00:00Z").plusSeconds(60L * minutes)
        .atOffset(java.time.ZoneOffset.ofHours(8)).toString();
  }
}
