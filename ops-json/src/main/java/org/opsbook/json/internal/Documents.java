package org.opsbook.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.opsbook.core.Channel;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.Role;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.json.Timestamps;
import org.opsbook.json.internal.Schema.Kind;
import org.opsbook.notify.HandlingParty;
import org.opsbook.notify.MessageContent;
import org.opsbook.rules.duty.DutyLedger;

/**
 * The tables of the documents the commands answer with and read besides the stored ones: an obligation, a message's
 * content and a working-day calendar (the classification is {@link ClassificationJson}). Reading is strict and names the exact JSON path of any
 * bad value. Stateless.
 */
public final class Documents {
  /**
   * An obligation in the {@code obligations} response: {@code ruleId}, {@code actor}, {@code target},
   * {@code channel}, {@code dueAt} ({@code null} for a timely duty), {@code recurring} and {@code action}, plus
   * {@code sequence} for a recurring duty. Read back, a document may also name its {@code subjectId} and
   * {@code triggeredAt}, which the response leaves out.
   */
  public static final Schema<Obligation, Obligation.Builder> OBLIGATION =
      Schema.of(Obligation::builder, Obligation.Builder::build)
      .req("ruleId", Kind.RULE, Obligation::ruleId, Obligation.Builder::ruleId)
      .req("actor", Kind.of(Role.class), Obligation::actor, Obligation.Builder::actor)
      .req("target", Kind.NONBLANK, Obligation::target, Obligation.Builder::target)
      .req("channel", Kind.of(Channel.class), Obligation::channel, Obligation.Builder::channel)
      .always("dueAt", Kind.nullable(Kind.TIME), Obligation::dueAt, Obligation.Builder::dueAt)
      .always("recurring", Kind.BOOL, Obligation::recurring, Obligation.Builder::recurring)
      .always("action", Kind.TEXT, Obligation::action, Obligation.Builder::action)
      .opt("sequence", Kind.atLeast(1), ob -> ob.recurring() ? Optional.of(ob.sequence()) : Optional.empty(),
          Obligation.Builder::sequence)
      .opt("subjectId", Kind.TEXT, ob -> Optional.empty(), Obligation.Builder::subjectId)
      .opt("triggeredAt", Kind.TIME, ob -> Optional.empty(), Obligation.Builder::triggeredAt);

  /**
   * A message's content as stored in an SM-SMS instance: the decision API's {@code message} object (decision-api.md,
   * {@code notify}) and {@code faultStartTime}. A blank text, a 「*」 in a text, an unknown field or a handling party
   * other than 省公司 or IT中心 is invalid input naming the field's path.
   */
  public static final Schema<MessageContent, MessageContent.Builder> MESSAGE =
      Schema.of(MessageContent::builder, MessageContent.Builder::build)
      .opt("handlingParty", Kind.custom("handlingParty", (f, n) -> HandlingParty.parse(f.string(n).orElseThrow(),
          f.path(n)), (v, z) -> TextNode.valueOf(v.label())), MessageContent::handlingParty,
          MessageContent.Builder::handlingParty)
      .derive(MessageContent.class);

  /** The fields of the decision API's {@code message} object: the stored ones but the fault time. */
  private static final Set<String> MESSAGE_FIELDS =
      MESSAGE.names().stream().filter(n -> !n.equals("faultStartTime")).collect(Collectors.toUnmodifiableSet());

  /** The fields of a {@code calendar} object. */
  private static final Set<String> CALENDAR_FIELDS = Set.of("holidays", "workdays");

  private Documents() {}

  /**
   * Writes a missed duty of the ledger: the obligation's fields, then {@code endedAt} (when the repair, the closing,
   * a higher level or a later occurrence ended it undone), {@code endedBy} ({@link DutyLedger.Ending}) and, for an
   * interval of a recurring series that fell due after occurrence {@code sequence}, {@code repeat} (from 1).
   */
  public static ObjectNode missed(DutyLedger.Entry missed, ZoneId zone) {
    ObjectNode o = OBLIGATION.write(missed.duty(), zone);
    o.put("endedAt", Timestamps.format(missed.endedAt().orElseThrow(), zone));
    o.put("endedBy", missed.endedBy().orElseThrow().name());
    if (missed.repeat() > 0) {
      o.put("repeat", missed.repeat());
    }
    return o;
  }

  /** Reads a {@code message} object: the stored content's fields but the fault time. */
  public static MessageContent message(JsonNode node, String path) {
    return MESSAGE.read(JsonFields.of(node, path, MESSAGE_FIELDS));
  }

  /**
   * Reads the optional {@code calendar} object {@code field} of {@code parent}: {@code {"holidays": ["2026-10-01"],
   * "workdays": ["2026-10-10"]}} (TIME-02), days that extend the weekday default of {@link StandardWorkCalendar} in
   * {@code Asia/Shanghai}; absent is the plain weekday calendar. A malformed date, or a date listed both ways, is
   * invalid input naming its path ({@code calendar.workdays[0]}).
   */
  public static StandardWorkCalendar calendar(JsonFields parent, String field) {
    return parent.optionalObject(field, CALENDAR_FIELDS).map(f -> {
      StandardWorkCalendar.Builder b = StandardWorkCalendar.builder();
      days(f, "holidays", d -> b.addHolidays(d));
      days(f, "workdays", d -> b.addWorkdays(d));
      return b.build();
    }).orElse(StandardWorkCalendar.weekdays());
  }

  private static void days(JsonFields f, String field, Consumer<LocalDate> add) {
    List<String> days = f.strings(field);
    for (int i = 0; i < days.size(); i++) {
      String path = JsonFields.element(f.path(field), i);
      try {
        add.accept(LocalDate.parse(days.get(i)));
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(path, "not a date YYYY-MM-DD: " + days.get(i), null, e);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(path, e.reason());
      }
    }
  }

  /** Writes the holidays and make-up working days of {@code calendar}. */
  public static ObjectNode calendar(StandardWorkCalendar calendar) {
    ObjectNode o = OpsJson.object();
    ArrayNode holidays = o.putArray("holidays");
    calendar.holidays().forEach(d -> holidays.add(d.toString()));
    ArrayNode workdays = o.putArray("workdays");
    calendar.workdays().forEach(d -> workdays.add(d.toString()));
    return o;
  }
}
