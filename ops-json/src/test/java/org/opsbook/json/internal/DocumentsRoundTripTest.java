package org.opsbook.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsbook.json.OpsJson;
import org.opsbook.rules.dataop.DataOpEventData;
import org.opsbook.rules.dataop.Sample;
import org.opsbook.rules.esc.EscFault;
import org.opsbook.rules.esc.EscFault.EscState;

/**
 * Every top-level document the library reads and writes round-trips through its JSON text, with every field of its
 * table generated: a document generated from the table, written, printed, parsed and read back equals itself, and
 * over the run each field of the table is written at least once.
 */
class DocumentsRoundTripTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  static Stream<Arguments> documents() {
    return Stream.of(
        Arguments.of("FaultFacts", FaultFactsJson.SCHEMA),
        Arguments.of("Actor", ActorJson.SCHEMA),
        Arguments.of("BugTicket", BugJson.TICKET),
        Arguments.of("BugEventData", BugJson.EVENT),
        Arguments.of("ComplaintTicket", TicketJson.TICKET),
        Arguments.of("TicketEventData", TicketJson.EVENT),
        Arguments.of("Cutover", CutoverCodec.FACTS),
        Arguments.of("CutoverEventData", CutoverCodec.DATA),
        Arguments.of("CutoverRecord", CutoverCodec.RECORD),
        Arguments.of("DataOp", DataOpCodec.OPERATION),
        Arguments.of("DataOpRecord", DataOpCodec.RECORD),
        Arguments.of("SmsRecord", SmsRecordJson.SCHEMA),
        Arguments.of("MessageContent", Documents.MESSAGE),
        Arguments.of("EscEventData", EscCodec.DATA),
        Arguments.of("Classification", ClassificationJson.SCHEMA),
        Arguments.of("ReportFacts", Commands.Report.REQUEST));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  <T, B> void everyFieldRoundTrips(String name, Schema<T, B> schema) {
    Set<String> written = new TreeSet<>();
    qt().withExamples(300).withGenerateAttempts(100).forAll(SchemaGen.documents(schema)).checkAssert(doc -> {
      JsonNode json = schema.write(doc, SHANGHAI);
      json.fieldNames().forEachRemaining(written::add);
      assertThat(schema.read(OpsJson.parse(OpsJson.write(json)), "")).isEqualTo(doc);
    });
    assertThat(written).as(name + ": every field generated and written").isEqualTo(new TreeSet<>(schema.names()));
  }

  /** A stored lifecycle, written and decoded beside its ID and state, is itself, every field of its table written. */
  @Test
  void everyFieldOfALifecycleRoundTrips() {
    Set<String> written = new TreeSet<>();
    qt().withExamples(300).withGenerateAttempts(100).forAll(SchemaGen.documents(EscCodec.FAULT,
        () -> EscFault.builder().faultId("F-1").state(EscState.DETECTED))).checkAssert(doc -> {
          String text = EscCodec.instance().encode(doc);
          OpsJson.parse(text).fieldNames().forEachRemaining(written::add);
          assertThat(EscCodec.instance().decode(doc.faultId(), doc.state().name(), text)).isEqualTo(doc);
        });
    assertThat(written).isEqualTo(new TreeSet<>(EscCodec.FAULT.names()));
  }

  /**
   * A step's data, written and read back, is itself but for its sampled numbers, of which only the masked form is
   * written (DATAOP-EXT-06): each reads back as the sample of its masked number, with its attestation.
   */
  @Test
  void everyFieldOfAStepsDataRoundTripsTheNumbersMasked() {
    Set<String> written = new TreeSet<>();
    qt().withExamples(300).withGenerateAttempts(100).forAll(SchemaGen.documents(DataOpCodec.DATA)).checkAssert(doc -> {
      JsonNode json = DataOpCodec.DATA.write(doc, SHANGHAI);
      json.fieldNames().forEachRemaining(written::add);
      assertThat(json.findValuesAsText("number")).allSatisfy(n -> assertThat(n).doesNotContainPattern("\\d{5}"));
      DataOpEventData back = DataOpCodec.DATA.read(OpsJson.parse(OpsJson.write(json)), "");
      for (Schema.Field<DataOpEventData, ?, ?> f : DataOpCodec.DATA.fields()) {
        if (!f.name().equals("sampledNumbers")) {
          assertThat(f.get().apply(back)).as(f.name()).isEqualTo(f.get().apply(doc));
        }
      }
      assertThat(back.sampledNumbers()).isEqualTo(doc.sampledNumbers().stream()
          .map(n -> Sample.of(n.maskedNumber(), n.meetsCriteria())).toList());
    });
    assertThat(written).isEqualTo(new TreeSet<>(DataOpCodec.DATA.names()));
  }
}
