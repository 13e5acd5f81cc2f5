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
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsbook.core.Actor;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;
import org.opsbook.core.internal.machine.StateMachine;
import org.opsbook.core.internal.machine.Transition;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;

/**
 * The step commands of the decision API ({@code dataop}, {@code fault}, {@code bug}, {@code ticket}) share this: the
 * request's {@code steps} ({@code event}, {@code at}, {@code actor}, {@code data}) read in full before any is applied,
 * so bad input in step 5 rejects the request as a whole; then applied in order, a refused step changing nothing; per
 * step {@code event}, {@code allowed}, {@code state}, {@code violations} and, when there are any, {@code details}.
 * Errors name the exact path ({@code steps[2].data.amsTicketNo}). Thread-safe.
 *
 * @param <I> the instance a family's steps change
 * @param <E> its events
 * @param <D> what an event records
 */
final class StepRun<I, E extends Enum<E>, D> {
  /** The fields of a step object. */
  static final Set<String> STEP_FIELDS = Set.of("event", "at", "actor", "data");

  /**
   * One family of steps.
   *
   * @param <I> the instance
   * @param <E> its events
   * @param <D> what an event records
   */
  interface Family<I, E extends Enum<E>, D> {
    /** Returns the event named {@code name}; an unknown one is invalid input naming {@code path}. */
    E event(String name, String path);

    /** Returns the public name of an event. */
    String eventName(E event);

    /** Returns the data fields {@code event} accepts: what it records. */
    Set<String> dataFields(E event);

    /** Reads a step's {@code data} object, already checked against {@link #dataFields}. */
    D data(JsonFields data, E event);

    /** Applies one step: the instance after it, or a refusal with every violation and the instance unchanged. */
    Outcome<I> apply(I instance, E event, Actor actor, D data, Instant at);

    /** Returns the name of the instance's state. */
    String state(I instance);

    /** Returns what an accepted step recorded as broken rather than refused (none by default). */
    default List<Violation> recorded(I before, I after, Step<E, D> step) {
      return List.of();
    }
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
   * @param lastAt the time of the last step, if any
   */
  record Run<I>(I last, ArrayNode results, Instant lastAt) {}

  private final Family<I, E, D> family;

  StepRun(Family<I, E, D> family) {
    this.family = family;
  }

  /** Reads the steps of {@code request}'s {@code steps} array, all before any is applied. */
  List<Step<E, D>> read(JsonFields request) {
    List<JsonNode> nodes = request.array("steps");
    List<Step<E, D>> out = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      String path = JsonFields.element(request.path("steps"), i);
      JsonFields s = JsonFields.of(nodes.get(i), path, STEP_FIELDS);
      E event = family.event(s.requiredString("event"), s.path("event"));
      Instant at = s.requiredTimestamp("at");
      Actor actor = ActorJson.read(s.node("actor").orElseThrow(
          () -> new InvalidInputException(s.path("actor"), "missing required field")), s.path("actor"));
      JsonFields data = JsonFields.of(s.node("data").orElse(OpsJson.object()), s.path("data"),
          family.dataFields(event));
      out.add(new Step<>(path, event, at, actor, family.data(data, event)));
    }
    return out;
  }

  /** Applies {@code steps} to {@code first} in order and writes the answer of each. */
  Run<I> run(I first, List<Step<E, D>> steps) {
    I current = first;
    ArrayNode results = OpsJson.array();
    Instant lastAt = null;
    for (Step<E, D> s : steps) {
      Outcome<I> o;
      try {
        o = family.apply(current, s.event(), s.actor(), s.data(), s.at());
      } catch (InvalidInputException e) {
        throw e.under(s.path());
      }
      I before = current;
      current = o.instance();
      lastAt = s.at();
      ObjectNode r = results.addObject();
      r.put("event", family.eventName(s.event()));
      r.put("allowed", o.isAccepted());
      r.put("state", family.state(current));
      write(r, o.isAccepted() ? family.recorded(before, current, s) : named(o.violations(), s.event()),
          stepField(s.path(), family.dataFields(s.event())));
    }
    return new Run<>(current, results, lastAt);
  }

  /** The violations with the event called by its public name ({@code submitAms}, not {@code SUBMIT_AMS}). */
  private List<Violation> named(List<Violation> violations, E event) {
    Pattern constant = Pattern.compile("\\b" + event.name() + "\\b");
    String name = Matcher.quoteReplacement(family.eventName(event));
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
  static void writeDuties(ObjectNode out, List<Obligation> duties, ZoneId zone) {
    ArrayNode list = out.putArray("obligations");
    duties.forEach(o -> list.add(ObligationJson.write(o, zone)));
  }

  /** Returns the constant of {@code values} whose {@code name} is {@code given}; else invalid input at {@code path}. */
  static <E extends Enum<E>> E byName(E[] values, Function<E, String> name, String given, String path,
      String machine) {
    for (E e : values) {
      if (name.apply(e).equals(given)) {
        return e;
      }
    }
    List<String> names = new ArrayList<>();
    for (E e : values) {
      names.add(name.apply(e));
    }
    throw new InvalidInputException(path, "unknown " + machine + " event '" + given + "'; events: " + names);
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

  /** Reads the optional {@code now}, else the last step's time, else {@code otherwise}. */
  static Instant now(JsonFields request, Instant lastAt, Instant otherwise) {
    return request.timestamp("now").orElse(lastAt != null ? lastAt : otherwise);
  }
}
