package org.opsbook.examples.demo;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

/**
 * The demo's printed timeline: one line per thing that happened, {@code HH:mm  RULE-IDS  what happened, to whom},
 * a header when the day changes, indented detail lines (an SMS text), and runs of the same recurring duty folded into
 * one summary line. When a progress stream is given (standard error on a terminal), a single status line shows how
 * far the replay has come; it is cleared before each timeline line and at the end. Not thread-safe.
 */
final class Timeline {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final int RULE_WIDTH = 20;
  private static final String INDENT = "       ";

  private final PrintStream out;
  private final PrintStream progress;
  private final ZoneId zone;
  private Instant start;
  private Instant end;
  private Instant now;
  private LocalDate day;
  private int lines;
  private boolean progressShown;

  private String runKey;
  private Instant runFirst;
  private int runCount;
  private String runFirstSeq;
  private String runRules;
  private final Narrative say;
  private String runSummary;
  private Instant lastAt;
  private String lastSeq;
  private Collection<?> lastRules;
  private String lastText;

  /**
   * Creates the timeline.
   *
   * @param out where the timeline goes
   * @param progress where the status line goes, or null for none
   * @param zone the zone times are printed in
   * @param say the narrative's language: the day headers, the folded runs, and each printed line's role codes as the
   *     manual's posts (in Chinese)
   */
  Timeline(PrintStream out, PrintStream progress, ZoneId zone, Narrative say) {
    this.out = checkNotNull(out, "out");
    this.progress = progress;
    this.zone = checkNotNull(zone, "zone");
    this.say = checkNotNull(say, "say");
  }

  /** Sets the span the status line measures. */
  void span(Instant from, Instant to) {
    this.start = from;
    this.end = to;
  }

  /** Moves the timeline's time to {@code t}. */
  void at(Instant t) {
    this.now = t;
    showProgress();
  }

  /** Returns the zone. */
  ZoneId zone() {
    return zone;
  }

  /** Returns how many timeline lines were printed. */
  int lines() {
    return lines;
  }

  /** Prints a plain line without a time (headers, the closing summary). */
  void text(String s) {
    flushRun();
    print(s);
  }

  /** Prints a section heading. */
  void section(String title) {
    flushRun();
    print("");
    print("── " + title + " " + "─".repeat(Math.max(4, 100 - width(title))));
  }

  /** Prints one event at the current time: its rule IDs and what happened, to whom. */
  void line(Collection<?> rules, String what) {
    flushRun();
    event(rules, what);
  }

  /**
   * Prints one occurrence of a recurring duty. Consecutive occurrences with the same {@code key} fold: the first is
   * printed, the rest become one summary line (or the line itself, when there is only one more).
   *
   * @param key what makes occurrences alike, e.g. rule and fault
   * @param sequence the occurrence's number, shown in the summary
   * @param summary what the folded occurrences were, e.g. {@code progress reports on F-1}
   */
  void recurring(String key, String sequence, Collection<?> rules, String what, String summary) {
    if (key.equals(runKey)) {
      if (runCount == 0) {
        runFirst = now;
        runFirstSeq = sequence;
      }
      runCount++;
      lastAt = now;
      lastSeq = sequence;
      lastRules = rules;
      lastText = what;
      return;
    }
    flushRun();
    event(rules, what);
    runKey = key;
    runCount = 0;
    runRules = join(rules);
    runSummary = summary;
  }

  /** Prints an indented detail line under the last event. */
  void detail(String s) {
    flushRun();
    print(INDENT + "  ▸ " + s);
  }

  /** Clears the status line; call once at the end. */
  void finish() {
    flushRun();
    clearProgress();
  }

  private void event(Collection<?> rules, String what) {
    dayHeader();
    String r = join(rules);
    String time = now == null ? "     " : TIME.format(now.atZone(zone));
    int width = width(r);
    print(time + "  " + (width < RULE_WIDTH ? r + " ".repeat(RULE_WIDTH - width) : r) + "  " + what);
  }

  private void flushRun() {
    if (runKey == null) {
      return;
    }
    runKey = null;
    if (runCount == 1) {
      Instant current = now;
      now = lastAt;
      event(lastRules, lastText);
      now = current;
    } else if (runCount > 1) {
      String every = say.every(Duration.between(runFirst, lastAt).dividedBy(runCount - 1));
      print(INDENT + "  ↻ " + runRules + " " + runFirstSeq + " … " + lastSeq + ": " + say.text("demo.recurring",
          runCount, runSummary, every, TIME.format(runFirst.atZone(zone)), TIME.format(lastAt.atZone(zone))));
    }
  }

  private void dayHeader() {
    if (now == null) {
      return;
    }
    LocalDate d = now.atZone(zone).toLocalDate();
    if (!d.equals(day)) {
      day = d;
      print("");
      print("── " + say.day(d) + " (" + say.term("demo.zone.", zone.getId()) + ") " + "─".repeat(70));
    }
  }

  private void print(String s) {
    clearProgress();
    out.println(say.roles(s));
    out.flush();
    lines++;
  }

  private void showProgress() {
    if (progress == null || start == null || now == null) {
      return;
    }
    long total = Math.max(1, Duration.between(start, end).toMinutes());
    long done = Math.min(total, Math.max(0, Duration.between(start, now).toMinutes()));
    int width = 30;
    int filled = (int) (width * done / total);
    progress.print("\r\033[K[" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
        + DateTimeFormatter.ofPattern("MM-dd HH:mm").format(now.atZone(zone)) + "  " + (100 * done / total) + "%");
    progress.flush();
    progressShown = true;
  }

  private void clearProgress() {
    if (progressShown) {
      progress.print("\r\033[K");
      progress.flush();
      progressShown = false;
    }
  }

  /** Returns the columns {@code s} takes on a terminal: two per Chinese character or full-width mark, else one. */
  private static int width(String s) {
    return s.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
        || (c >= 0xFF01 && c <= 0xFF60) || (c >= 0x3000 && c <= 0x303F) ? 2 : 1).sum();
  }

  private static String join(Collection<?> rules) {
    StringBuilder s = new StringBuilder();
    for (Object r : rules) {
      if (s.length() > 0) {
        s.append(' ');
      }
      s.append(r);
    }
    return s.toString();
  }
}
