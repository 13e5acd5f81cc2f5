package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsbook.core.Actor;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.core.internal.machine.StateMachine;
import org.opsbook.core.internal.machine.Transition;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;

/**
 * One family of steps ({@code dataop}, {@code fault}, {@code bug}, {@code ticket}) as a descriptor, and the runner
 * they share: the request's {@code steps} ({@code event}, {@code at}, {@code actor}, {@code data}) read in full before
 * any is applied, so bad input in step 5 rejects the request as a whole; then applied in order, a refused step
 * changing nothing; per step {@code event}, {@code allowed}, {@code state}, {@code violations} and, when there are
 * any, {@code details}. Errors name the exact path ({@code steps[2].data.amsTicketNo}). Thread-safe.
 *
 * @param event the event of a public name; an unknown one is invalid input naming the path
 * @param eventName the public name of an event ({@code submitAms})
 * @param dataFields the data fields an event accepts: what it records
 * @param data reads a step's {@code data} object, already checked against {@code dataFields}
 * @param apply applies one step: the instance after it, or a refusal with every violation and the instance unchanged
 * @param state the instance's state
 * @param recorded what an accepted step recorded as broken rather than refused, from the instances before and after
 * @param <I> the instance a family's steps change
 * @param <E> its events
 * @param <D> what an event records
 */
record StepRun<I, E extends Enum<E>, D>(BiFunction<String, String, E> event, Function<E, String> eventName,
    Function<E, Set<String>> dataFields, BiFunction<JsonFields, E, D> data, Apply<I, E, D> apply,
    Function<I, ? extends Enum<?>> state, BiFunction<I, I, List<Violation>> recorded) {
  /** The fields of a step object. */
  static final Set<String> STEP_FIELDS = Set.of("event", "at", "actor", "data");

  /**
   * Applies one step.
   *
   * @param <I> the instance
   * @param <E> its events
   * @param <D> what an event records
   */
  @FunctionalInterface
  interface Apply<I, E, D> {
    /** Returns the outcome of {@code event} on {@code instance}. */
    Outcome<I> apply(I instance, E event, Actor actor, D data, Instant at);
  }

  /**
   * One step as read.
   *
   * @param path its JSON path, {@code steps[i]}
   */
  record Step<E, D>(String path, E event, Instant at, Actor actor, D data) {}

  /**
   * The run of every step.
   *
   * @param last the instance after the last step
   * @param results the per-step answers
   * @param finalState the name of the last instance's state
   * @param lastAt the time of the last step, if any
   */
  record Run<I>(I last, ArrayNode results, String finalState, Instant lastAt) {
    /** Puts {@code steps} and {@code finalState} in {@code out}; returns it. */
    ObjectNode into(ObjectNode out) {
      out.set("steps", results);
      out.put("finalState", finalState);
      return out;
    }

    /** Reads the optional {@code now} of {@code request}, else the last step's time, else {@code otherwise}. */
    Instant now(JsonFields request, Instant otherwise) {
      return request.timestamp("now").orElse(lastAt != null ? lastAt : otherwise);
    }
  }

  /** Reads the steps of {@code request}'s {@code steps} array, all before any is applied, and applies them. */
  Run<I> run(I first, JsonFields request) {
    List<JsonNode> nodes = request.array("steps");
    List<Step<E, D>> steps = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      String path = JsonFields.element(request.path("steps"), i);
      JsonFields s = JsonFields.of(nodes.get(i), path, STEP_FIELDS);
      E e = event.apply(s.requiredString("event"), s.path("event"));
      Instant at = s.requiredTimestamp("at");
      Actor actor = ActorJson.read(s.node("actor").orElseThrow(
          () -> new InvalidInputException(s.path("actor"), "missing required field")), s.path("actor"));
      JsonFields d = JsonFields.of(s.node("data").orElse(OpsJson.object()), s.path("data"), dataFields.apply(e));
      steps.add(new Step<>(path, e, at, actor, data.apply(d, e)));
    }
    I current = first;
    ArrayNode results = OpsJson.array();
    Instant lastAt = null;
    for (Step<E, D> s : steps) {
      Outcome<I> o;
      try {
        o = apply.apply(current, s.event(), s.actor(), s.data(), s.at());
      } catch (InvalidInputException e) {
        throw e.under(s.path());
      }
      I before = current;
      current = o.instance();
      lastAt = s.at();
      ObjectNode r = results.addObject();
      r.put("event", eventName.apply(s.event()));
      r.put("allowed", o.isAccepted());
      r.put("state", state.apply(current).name());
      List<Violation> broken = !o.isAccepted() ? named(o.violations(), s.event())
          : recorded == null ? List.of() : recorded.apply(before, current);
      write(r, broken, stepField(s.path(), dataFields.apply(s.event())));
    }
    return new Run<>(current, results, state.apply(current).name(), lastAt);
  }

  /** The violations with the event called by its public name ({@code submitAms}, not {@code SUBMIT_AMS}). */
  private List<Violation> named(List<Violation> violations, E e) {
    Pattern constant = Pattern.compile("\\b" + e.name() + "\\b");
    String name = Matcher.quoteReplacement(eventName.apply(e));
    List<Violation> out = new ArrayList<>(violations.size());
    for (Violation v : violations) {
      String message = constant.matcher(v.message()).replaceAll(name);
      out.add(message.equals(v.message()) ? v : v.field().map(f -> Violation.of(v.ruleId(), f, message))
          .orElse(Violation.of(v.ruleId(), message)));
    }
    return out;
  }

  /**
   * Writes {@code violations} (their rule IDs) and {@code details} (when there are any), fields mapped by
   * {@code path}.
   */
  static void write(ObjectNode r, List<Violation> violations, UnaryOperator<String> path) {
    Set<RuleId> ids = new TreeSet<>();
    violations.forEach(v -> ids.add(v.ruleId()));
    r.set("violations", OpsJson.ruleIds(ids));
    ViolationDetails.put(r, violations, path);
  }

  /**
   * Maps a violation's field to its path under the step at {@code stepPath}: {@code actor}, {@code at} and
   * {@code event} as they are, a field the step records under {@code data}, any other (a fact the instance already
   * holds) by its bare name.
   */
  static UnaryOperator<String> stepField(String stepPath, Set<String> dataFields) {
    return field -> {
      if (field.equals("actor") || field.startsWith("actor.") || field.equals("at") || field.equals("event")
          || field.startsWith("data.")) {
        return stepPath + "." + field;
      }
      String head = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
      return dataFields.contains(head) ? stepPath + ".data." + field : field;
    };
  }

  /** Writes {@code duties} as the {@code obligations} array of {@code out}, times in {@code zone}. */
  static ObjectNode writeDuties(ObjectNode out, List<Obligation> duties, ZoneId zone) {
    ArrayNode list = out.putArray("obligations");
    duties.forEach(o -> list.add(Documents.OBLIGATION.write(o, zone)));
    return out;
  }

  /**
   * Returns the data fields {@code event} accepts in {@code table}: what its transitions record, plus
   * {@code confirms} (what its guards read without recording it, such as a reviewed flag), among the fields
   * {@code known} to the data's JSON form.
   */
  static <E extends Enum<E>> Set<String> dataFields(StateMachine<?, E, ?> table, E event, Set<String> confirms,
      Set<String> known) {
    Set<String> out = new HashSet<>(confirms);
    for (Transition<?, E, ?> t : table.transitions()) {
      if (t.event() == event) {
        out.addAll(t.records());
      }
    }
    out.retainAll(known);
    return Set.copyOf(out);
  }
}
