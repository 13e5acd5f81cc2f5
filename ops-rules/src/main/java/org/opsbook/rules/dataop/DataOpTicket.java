package org.opsbook.rules.dataop;

import java.util.OptionalInt;
import org.immutables.value.Value;
import org.opsbook.core.InvalidInputException;
import org.opsbook.rules.internal.dataop.DataOpWorkflow;

/**
 * One data-operation ticket: its ID, its state in SM-DATAOP-MOD or SM-DATAOP-EXT, the facts stated when it was
 * raised, and everything recorded since. Immutable and thread-safe; {@link DataOpWorkflow} derives the next one.
 */
@Value.Immutable
public abstract class DataOpTicket {
  /** The ticket's ID: its AMS or CMCP number, or the host's key. */
  @Value.Parameter
  public abstract String id();

  /** The state. */
  @Value.Parameter
  public abstract DataOpState state();

  /** The stated facts. */
  @Value.Parameter
  public abstract DataOp op();

  /** What has been recorded. */
  @Value.Parameter
  public abstract DataOpRecord record();

  /** Returns a ticket. */
  public static DataOpTicket of(String id, DataOpState state, DataOp op, DataOpRecord record) {
    return ImmutableDataOpTicket.of(id, state, op, record);
  }

  /** Returns a new draft: nothing recorded yet. */
  public static DataOpTicket draft(String id, DataOp op) {
    return of(id, DataOpState.DRAFT, op, DataOpRecord.empty());
  }

  /** Returns the record count batch classification judges by: the actual count once executed, else the estimate. */
  public int effectiveRecordCount() {
    OptionalInt actual = record().actualRecordCount();
    return actual.isPresent() ? actual.getAsInt() : op().recordCount();
  }

  /** Returns the row estimate in force: the script's, else the submitted one (DATAOP-EXT-04). */
  public int estimatedRowCount() {
    OptionalInt fromScript = record().estimatedRowCount();
    return fromScript.isPresent() ? fromScript.getAsInt() : op().estimatedRowCount();
  }

  /** Returns the minutes estimate in force: the script's, else the submitted one (DATAOP-EXT-04). */
  public double estimatedExecutionMinutes() {
    return record().estimatedExecutionMinutes().orElse(op().estimatedExecutionMinutes());
  }

  @Value.Check
  protected void check() {
    if (id().isBlank()) {
      throw new InvalidInputException("id", "a ticket id must not be blank");
    }
  }
}
