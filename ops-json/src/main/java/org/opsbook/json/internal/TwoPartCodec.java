package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.Function;
import org.opsbook.core.internal.machine.WorkflowCodec;
import org.opsbook.core.spi.WorkflowRepository.WorkflowInstance;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;

/**
 * The stored form of a ticket of two parts, {@code {"<facts>": {...}, "record": {...}}}: what the ticket is about
 * (a cutover's facts, a data operation) and the record of the steps taken; the ID and state are kept beside the text
 * by the repository. Timestamps are written in Shanghai time. Reading is strict and names the JSON path of a bad
 * value. Thread-safe.
 *
 * @param <T> the ticket
 * @param <S> its states
 * @param <F> what it is about
 * @param <R> its record
 * @param <D> an event's data
 */
abstract class TwoPartCodec<T, S extends Enum<S>, F, R, D> implements WorkflowCodec<T, D> {
  private static final ZoneId ZONE = StandardWorkCalendar.SHANGHAI;

  private final Class<S> states;
  private final String factsName;
  private final boolean factsRequired;
  private final Schema<F, ?> facts;
  private final Function<T, F> factsOf;
  private final Schema<R, ?> record;
  private final Function<T, R> recordOf;
  private final Schema<D, ?> data;
  private final Factory<T, S, F, R> factory;
  private final Set<String> fields;

  /** Makes a ticket of its stored ID and state and its two parts. */
  interface Factory<T, S, F, R> {
    T of(String id, S state, F facts, R record);
  }

  /**
   * @param factsName the name of the first part
   * @param factsRequired whether text without the first part is invalid input naming it, rather than read as an
   *     empty object
   */
  TwoPartCodec(Class<S> states, String factsName, boolean factsRequired, Schema<F, ?> facts, Function<T, F> factsOf,
      Schema<R, ?> record, Function<T, R> recordOf, Schema<D, ?> data, Factory<T, S, F, R> factory) {
    this.states = states;
    this.factsName = factsName;
    this.factsRequired = factsRequired;
    this.facts = facts;
    this.factsOf = factsOf;
    this.record = record;
    this.recordOf = recordOf;
    this.data = data;
    this.factory = factory;
    this.fields = Set.of(factsName, "record");
  }

  /** Writes the two parts into {@code into}, the first named {@code factsName}, and returns it. */
  public final ObjectNode writeParts(T ticket, ObjectNode into, String factsName) {
    into.set(factsName, facts.write(factsOf.apply(ticket), ZONE));
    into.set("record", record.write(recordOf.apply(ticket), ZONE));
    return into;
  }

  @Override
  public final String encode(T ticket) {
    return OpsJson.write(writeParts(ticket, OpsJson.object(), factsName));
  }

  @Override
  public final T decode(WorkflowInstance stored) {
    return decode(stored.id(), stored.state(), stored.dataJson());
  }

  /** Reads an instance from its stored ID, state name and data text. */
  public final T decode(String id, String state, String dataJson) {
    JsonFields f = JsonFields.of(OpsJson.parse(dataJson), "", fields);
    return factory.of(id, JsonFields.parseEnum(state, states, "state"),
        facts.read(f.node(factsName).orElse(factsRequired ? null : OpsJson.object()), factsName),
        record.read(f.node("record").orElse(OpsJson.object()), "record"));
  }

  @Override
  public final String encodeData(D d) {
    return data.print(d, ZONE);
  }
}
