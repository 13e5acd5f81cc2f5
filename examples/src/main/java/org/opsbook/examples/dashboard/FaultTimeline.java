package org.opsbook.examples.dashboard;

import static org.opsbook.examples.http.Texts.html;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opsbook.core.Level;
import org.opsbook.examples.http.Texts;
import org.opsbook.notify.SmsMessage;
import org.opsbook.rules.duty.DutyLedger;
import org.opsbook.rules.duty.FaultTracker;

/**
 * The picture of one fault's escalation ladder as an inline SVG, drawn from its history and its duty ledger: the level
 * it reached and when (a step line), the repair, every duty from when it arose to when it fell due and how it ended
 * (done on time, late, missed, superseded, open), and the SMS messages sent. Each mark carries a {@code <title>} in the
 * page's language and a {@code class} naming what it is ({@code level L2}, {@code duty DONE_LATE}, {@code sms}), so a
 * test or a style sheet can find it. No script. Stateless.
 */
final class FaultTimeline {
  private static final int WIDTH = 960;
  private static final int LEFT = 190;
  private static final int RIGHT = 24;
  private static final int LEVEL_LANE = 70;
  private static final int SMS_LANE = 30;
  private static final int ROW = 20;
  private static final int TOP = 24;
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("MM-dd HH:mm");
  private static final Map<DutyLedger.Status, String> COLOURS = Map.of(
      DutyLedger.Status.DONE_ON_TIME, "#2e7d32", DutyLedger.Status.DONE_LATE, "#ef6c00",
      DutyLedger.Status.MISSED, "#c62828", DutyLedger.Status.SUPERSEDED, "#9e9e9e", DutyLedger.Status.OPEN, "#1565c0");

  private final ZoneId zone;
  private final Locale locale;
  private final Instant from;
  private final Instant to;

  private FaultTimeline(ZoneId zone, Locale locale, Instant from, Instant to) {
    this.zone = zone;
    this.locale = locale;
    this.from = from;
    this.to = to.isAfter(from) ? to : from.plusSeconds(3600);
  }

  /** Returns the SVG of {@code fault} with its {@code ledger} and the messages {@code sent} about it. */
  static String svg(FaultTracker fault, DutyLedger ledger, List<SmsMessage> sent, ZoneId zone, Locale locale) {
    List<Instant> times = new ArrayList<>();
    fault.openedAt().ifPresent(times::add);
    fault.repairedAt().ifPresent(times::add);
    times.add(ledger.asOf());
    for (DutyLedger.Entry e : ledger.entries()) {
      e.duty().triggeredAt().ifPresent(times::add);
      e.duty().dueAt().ifPresent(times::add);
      e.doneAt().ifPresent(times::add);
      e.endedAt().ifPresent(times::add);
    }
    sent.forEach(m -> m.record().sentAt().ifPresent(times::add));
    Instant from = times.stream().min(Comparator.naturalOrder()).orElseThrow();
    Instant to = times.stream().max(Comparator.naturalOrder()).orElseThrow();
    return new FaultTimeline(zone, locale, from, to).draw(fault, ledger, sent);
  }

  private String draw(FaultTracker fault, DutyLedger ledger, List<SmsMessage> sent) {
    List<DutyLedger.Entry> entries = new ArrayList<>(ledger.entries());
    entries.sort(Comparator.comparing(DutyLedger.Entry::reckonedAt));
    // one row per rule: a recurring duty's occurrences (progress reports every 30 minutes …) share it
    Map<String, List<DutyLedger.Entry>> rows = new LinkedHashMap<>();
    entries.forEach(e -> rows.computeIfAbsent(e.duty().ruleId().value(), r -> new ArrayList<>()).add(e));
    int dutiesTop = TOP + LEVEL_LANE + SMS_LANE + 10;
    int height = dutiesTop + ROW * rows.size() + 30;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" role=\"img\" width=\"").append(WIDTH)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"11\"><title>").append(html(text("fault.timeline")))
        .append("</title>");
    axis(s, height);
    levels(s, fault);
    sms(s, sent);
    s.append("<text x=\"4\" y=\"").append(dutiesTop - 2).append("\" font-weight=\"bold\">")
        .append(html(text("fault.lane.duties"))).append("</text>");
    int y = dutiesTop + ROW / 2 + 4;
    for (Map.Entry<String, List<DutyLedger.Entry>> row : rows.entrySet()) {
      int n = row.getValue().size();
      s.append("<text x=\"4\" y=\"").append(y + 4).append("\">").append(html(row.getKey() + (n > 1 ? " ×" + n : "")))
          .append("</text>");
      for (DutyLedger.Entry e : row.getValue()) {
        duty(s, e, y);
      }
      y += ROW;
    }
    fault.repairedAt().ifPresent(r -> s.append("<g class=\"repaired\"><line x1=\"").append(x(r)).append("\" y1=\"")
        .append(TOP).append("\" x2=\"").append(x(r)).append("\" y2=\"").append(height - 20)
        .append("\" stroke=\"#2e7d32\" stroke-dasharray=\"4 3\"/><text x=\"").append(x(r) + 3).append("\" y=\"")
        .append(TOP + 10).append("\" fill=\"#2e7d32\">").append(html(text("page.repaired") + " " + time(r)))
        .append("</text></g>"));
    return s.append("</svg>").toString();
  }

  private void axis(StringBuilder s, int height) {
    int bottom = height - 20;
    s.append("<g class=\"axis\"><line x1=\"").append(LEFT).append("\" y1=\"").append(bottom).append("\" x2=\"")
        .append(WIDTH - RIGHT).append("\" y2=\"").append(bottom).append("\" stroke=\"#555\"/>");
    for (int i = 0; i <= 4; i++) {
      Instant t = from.plus(Duration.between(from, to).multipliedBy(i).dividedBy(4));
      s.append("<text x=\"").append(x(t)).append("\" y=\"").append(bottom + 14)
          .append("\" text-anchor=\"middle\">").append(time(t)).append("</text>");
    }
    s.append("</g>");
  }

  /** The ladder: a step line through the levels as they were first reached. */
  private void levels(StringBuilder s, FaultTracker fault) {
    s.append("<g class=\"levels\"><text x=\"4\" y=\"").append(TOP + 12).append("\" font-weight=\"bold\">")
        .append(html(text("fault.lane.level"))).append("</text>");
    for (Level l : Level.values()) {
      s.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(levelY(l) + 4)
          .append("\" text-anchor=\"end\" fill=\"#777\">").append(l.name()).append("</text>");
    }
    List<Map.Entry<Instant, Level>> changes = new ArrayList<>();
    for (Level l : Level.values()) {
      fault.levelFirstReachedAt(l).ifPresent(at -> changes.add(Map.entry(at, l)));
    }
    changes.sort(Map.Entry.comparingByKey());
    if (changes.isEmpty() || changes.get(0).getValue() != Level.NONE) {
      fault.openedAt().ifPresent(o -> changes.add(0, Map.entry(o, Level.NONE)));
    }
    StringBuilder points = new StringBuilder();
    int lastY = -1;
    for (Map.Entry<Instant, Level> c : changes) {
      int cx = x(c.getKey());
      if (lastY >= 0) {
        points.append(cx).append(',').append(lastY).append(' ');
      }
      lastY = levelY(c.getValue());
      points.append(cx).append(',').append(lastY).append(' ');
    }
    if (lastY >= 0) {
      points.append(x(to)).append(',').append(lastY);
      s.append("<polyline fill=\"none\" stroke=\"#6a1b9a\" stroke-width=\"2\" points=\"").append(points.toString().trim())
          .append("\"/>");
    }
    for (Map.Entry<Instant, Level> c : changes) {
      s.append("<circle class=\"level ").append(c.getValue().name()).append("\" cx=\"").append(x(c.getKey()))
          .append("\" cy=\"").append(levelY(c.getValue())).append("\" r=\"4\" fill=\"#6a1b9a\"><title>")
          .append(html(text("fault.levelReached") + " " + c.getValue().name() + " " + c.getValue().severityLabel()
              + " · " + time(c.getKey()))).append("</title></circle>");
    }
    s.append("</g>");
  }

  private void sms(StringBuilder s, List<SmsMessage> sent) {
    int y = TOP + LEVEL_LANE + SMS_LANE / 2;
    s.append("<g class=\"messages\"><text x=\"4\" y=\"").append(y + 4).append("\" font-weight=\"bold\">")
        .append(html(text("fault.lane.sms"))).append("</text>");
    for (SmsMessage m : sent) {
      Optional<Instant> at = m.record().sentAt();
      if (at.isPresent()) {
        s.append("<rect class=\"sms\" x=\"").append(x(at.get()) - 4).append("\" y=\"").append(y - 6)
            .append("\" width=\"8\" height=\"12\" fill=\"#00838f\"><title>")
            .append(html(text("fault.smsSent") + " " + m.key() + " · " + time(at.get()))).append("</title></rect>");
      }
    }
    s.append("</g>");
  }

  /** One duty on its rule's row: a line from when it arose to when it fell due, then how it ended. */
  private void duty(StringBuilder s, DutyLedger.Entry e, int y) {
    String status = e.status().name();
    String colour = COLOURS.get(e.status());
    s.append("<g class=\"duty ").append(status).append("\" data-rule=\"").append(html(e.duty().ruleId().value()))
        .append("\">");
    Instant start = e.duty().triggeredAt().or(() -> e.duty().dueAt()).orElse(from);
    Optional<Instant> due = e.duty().dueAt();
    Instant end = due.orElse(e.doneAt().or(e::endedAt).orElse(to));
    s.append("<line x1=\"").append(x(start)).append("\" y1=\"").append(y).append("\" x2=\"").append(x(end))
        .append("\" y2=\"").append(y).append("\" stroke=\"#bbb\" stroke-width=\"3\"/>");
    due.ifPresent(d -> s.append("<path class=\"due\" d=\"M").append(x(d)).append(' ').append(y - 6).append(" l5 6 l-5 6 l-5 -6 z\"")
        .append(" fill=\"none\" stroke=\"#333\"><title>").append(html(text("fault.due") + " " + time(d)))
        .append("</title></path>"));
    Optional<Instant> outcome = e.doneAt().or(e::endedAt);
    String title = e.duty().ruleId().value() + " · " + text("fault.status." + status) + " · " + e.duty().action()
        + outcome.map(t -> " · " + time(t)).orElse("")
        + e.lateBy().map(l -> " (" + text("fault.lateBy") + " " + l.toMinutes() + " min)").orElse("");
    Instant mark = outcome.orElse(due.orElse(to));
    if (e.status() == DutyLedger.Status.MISSED) {
      int mx = x(mark);
      s.append("<path class=\"outcome\" d=\"M").append(mx - 5).append(' ').append(y - 5).append(" l10 10 m0 -10 l-10 10\"")
          .append(" stroke=\"").append(colour).append("\" stroke-width=\"2.5\"><title>").append(html(title))
          .append("</title></path>");
    } else {
      s.append("<circle class=\"outcome\" cx=\"").append(x(mark)).append("\" cy=\"").append(y).append("\" r=\"5\" ")
          .append(e.status() == DutyLedger.Status.OPEN ? "fill=\"#fff\" stroke=\"" + colour + "\" stroke-width=\"2\""
              : "fill=\"" + colour + "\"").append("><title>").append(html(title)).append("</title></circle>");
    }
    s.append("</g>");
  }

  private int levelY(Level l) {
    int step = (LEVEL_LANE - 20) / (Level.values().length - 1);
    return TOP + 10 + (Level.values().length - 1 - l.ordinal()) * step;
  }

  private int x(Instant t) {
    double span = Math.max(1, Duration.between(from, to).toSeconds());
    double at = Math.max(0, Math.min(span, Duration.between(from, t).toSeconds()));
    return LEFT + (int) Math.round(at / span * (WIDTH - LEFT - RIGHT));
  }

  private String time(Instant t) {
    return HH_MM.format(t.atZone(zone));
  }

  private String text(String key) {
    return Texts.text(locale, key);
  }
}
