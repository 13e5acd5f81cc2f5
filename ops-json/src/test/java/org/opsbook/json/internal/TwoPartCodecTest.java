package org.opsbook.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.core.InvalidInputException;
import org.opsbook.json.OpsJson;
import org.opsbook.json.StateJson;
import org.opsbook.rules.cutover.Cutover;
import org.opsbook.rules.cutover.CutoverCategory;
import org.opsbook.rules.cutover.CutoverRecord;
import org.opsbook.rules.cutover.CutoverState;
import org.opsbook.rules.cutover.CutoverSystem;
import org.opsbook.rules.cutover.CutoverTicket;
import org.opsbook.rules.cutover.CutoverTrigger;
import org.opsbook.rules.dataop.DataOp;
import org.opsbook.rules.dataop.DataOpRecord;
import org.opsbook.rules.dataop.DataOpState;
import org.opsbook.rules.dataop.DataOpTicket;
import org.opsbook.rules.dataop.OpType;
import org.opsbook.rules.dataop.TargetSystem;
import org.opsbook.rules.dataop.TicketKind;

/**
 * The stored two-part form of the cutover and data-operation tickets, {@code {"<facts>": …, "record": …}}, and the
 * state API's form of the same tickets: what each codec requires, what it refuses and that the state API writes the
 * very parts the store does, beside the ID and state.
 */
class TwoPartCodecTest {
  private static final Instant START = Instant.parse("2026-11-26T14:00:00Z");

  private static DataOpTicket dataOp() {
    DataOp op = DataOp.builder().opType(OpType.MODIFICATION).ticketNo("DM-9").ticketKind(TicketKind.CMCP_IT_COLLAB)
        .targetSystem(TargetSystem.IBOSS).recordCount(2500).impactStatement("2500 条").build();
    return DataOpTicket.of("DM-9", DataOpState.EXECUTED, op, DataOpRecord.builder().actualRecordCount(2400).build());
  }

  private static CutoverTicket cutover() {
    Cutover facts = Cutover.builder().system(CutoverSystem.BOSS).category(CutoverCategory.SOFTWARE)
        .trigger(CutoverTrigger.OM_NEED).plannedStart(START).build();
    return CutoverTicket.of("CO-9", CutoverState.INITIAL, facts, CutoverRecord.empty());
  }

  private static String refusedField(Runnable decode) {
    return catchThrowableOfType(decode::run, InvalidInputException.class).field();
  }

  @Test
  void eachTicketReadsBackAsItselfBesideItsIdAndState() {
    DataOpTicket d = dataOp();
    assertThat(DataOpCodec.instance().decode(d.id(), d.state().name(), DataOpCodec.instance().encode(d))).isEqualTo(d);
    CutoverTicket c = cutover();
    assertThat(CutoverCodec.instance().decode(c.id(), c.state().name(), CutoverCodec.instance().encode(c)))
        .isEqualTo(c);
  }

  @Test
  void theStoredTextHoldsExactlyTheTwoPartsUnderTheCodecsNames() {
    assertThat(fieldNames(OpsJson.parse(DataOpCodec.instance().encode(dataOp())))).containsExactly("op", "record");
    assertThat(fieldNames(OpsJson.parse(CutoverCodec.instance().encode(cutover())))).containsExactly("facts",
        "record");
  }

  @Test
  void aDataOperationWithoutItsOperationIsRefusedNamingOpButACutoverWithoutFactsReadsThemAsEmpty() {
    assertThat(refusedField(() -> DataOpCodec.instance().decode("DM-9", "DRAFT", "{\"record\": {}}")))
        .isEqualTo("op");
    CutoverTicket read = CutoverCodec.instance().decode("CO-9", "INITIAL", "{\"record\": {}}");
    assertThat(read.facts()).isEqualTo(CutoverCodec.FACTS.read(OpsJson.object(), "facts"));
    assertThat(read.record()).isEqualTo(CutoverRecord.empty());
  }

  @Test
  void aPartOfTheOtherCodecOrAStateOfTheOtherMachineIsRefusedNamingIt() {
    String dataOpText = DataOpCodec.instance().encode(dataOp());
    String cutoverText = CutoverCodec.instance().encode(cutover());
    assertThat(refusedField(() -> DataOpCodec.instance().decode("DM-9", "DRAFT", cutoverText))).isEqualTo("facts");
    assertThat(refusedField(() -> CutoverCodec.instance().decode("CO-9", "INITIAL", dataOpText))).isEqualTo("op");
    assertThat(refusedField(() -> DataOpCodec.instance().decode("DM-9", "INITIAL", dataOpText))).isEqualTo("state");
    assertThat(refusedField(() -> CutoverCodec.instance().decode("CO-9", "DRAFT", cutoverText))).isEqualTo("state");
  }

  @Test
  void theStateApiWritesTheStoredPartsBesideTheIdAndStateTheOperationUnderItsOwnName() {
    DataOpTicket d = dataOp();
    JsonNode stored = OpsJson.parse(DataOpCodec.instance().encode(d));
    ObjectNode shown = StateJson.dataOp(d);
    assertThat(fieldNames(shown)).containsExactly("id", "state", "operation", "record");
    assertThat(shown.get("id").textValue()).isEqualTo("DM-9");
    assertThat(shown.get("state").textValue()).isEqualTo("EXECUTED");
    assertThat(shown.get("operation")).isEqualTo(stored.get("op"));
    assertThat(shown.get("record")).isEqualTo(stored.get("record"));
    assertThat(shown.get("record").get("actualRecordCount").intValue()).isEqualTo(2400);

    CutoverTicket c = cutover();
    JsonNode storedCutover = OpsJson.parse(CutoverCodec.instance().encode(c));
    ObjectNode shownCutover = StateJson.cutover(c);
    assertThat(fieldNames(shownCutover)).containsExactly("id", "state", "facts", "record");
    assertThat(shownCutover.get("facts")).isEqualTo(storedCutover.get("facts"));
    assertThat(shownCutover.get("facts").get("plannedStart").textValue()).isEqualTo("2026-11-26T22:00:00+08:00");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
