package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.Set;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultFacts.Builder;
import org.opsbook.core.InvalidInputException;
import org.opsbook.json.internal.Schema.Kind;

/**
 * Reads and writes {@link FaultFacts} as the decision API's {@code FaultFacts} object: field names are the fact
 * names of rules-catalog §2.1 and §2.2; an absent fact takes its neutral default; an unknown field, a wrong type, a
 * negative count or duration, or a timestamp without an offset is invalid input naming the field's path.
 */
public final class FaultFactsJson {
  /**
   * The table: one row per fact. It is {@link #derived()}, generated into {@link FaultFactsTable} so that a process
   * reading one document does not derive it by reflection at every start.
   */
  public static final Schema<FaultFacts, Builder> SCHEMA = FaultFactsTable.schema();

  /** Every field a {@code FaultFacts} object may have. */
  public static final Set<String> FIELDS = SCHEMA.names();

  private FaultFactsJson() {}

  /**
   * The definition of the table: every attribute of {@link FaultFacts}, a complaint level being {@code >= 1}.
   * {@link FaultFactsTable} is generated from it, and a test fails when the two differ.
   */
  static Schema<FaultFacts, Builder> derived() {
    return Schema.of(FaultFacts::builder, Builder::build)
        .kind("csComplaintLevel", Kind.atLeast(1))
        .derive(FaultFacts.class);
  }

  /**
   * Reads facts from a JSON object.
   *
   * @param node the object
   * @param path its JSON path, e.g. {@code facts} ({@code ""} for a root document)
   * @throws InvalidInputException naming the offending field
   */
  public static FaultFacts read(JsonNode node, String path) {
    return SCHEMA.read(node, path);
  }

  /** Writes the facts that differ from their neutral default, timestamps in {@code zone}. */
  public static ObjectNode write(FaultFacts facts, ZoneId zone) {
    return SCHEMA.write(facts, zone);
  }
}
