package org.opsbook.examples.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.spi.AuditLog.AuditVerification;
import org.opsbook.core.Obligation;
import org.opsbook.core.spi.AuditLog;
import org.opsbook.core.time.MutableClock;
import org.opsbook.examples.host.ConsoleGateway;
import org.opsbook.examples.host.Database;
import org.opsbook.examples.host.OpsHost;
import org.opsbook.examples.host.People;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.core.time.StandardWorkCalendar;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.SmsState;

/**
 * {@code ./opsbook demo [--data DIR | --db JDBC-URL]}: replays the bundled day at the operations room
 * ({@link DayAtTheRoom}) through the example host on a simulated clock, prints the timeline, and verifies every audit
 * stream the run wrote. The embedded default is an H2 database in {@code ./data}, created and migrated on first use;
 * each run on the same database gets its own IDs.
 */
public final class Demo {
  private static final String RUN_PREFIX = "demo:run-";

  private Demo() {}

  /**
   * Runs the demo.
   *
   * @param args {@code --data DIR} or {@code --db URL}
   * @param out the timeline
   * @param err errors, and the progress line when {@code progress} is set
   * @param progress show a single progress line on {@code err} (when it is a terminal)
   * @return the exit status: 0 when the day replayed and every audit chain verified, 2 for bad arguments, 1 else
   */
  public static int run(String[] args, PrintStream out, PrintStream err, boolean progress) {
    Database db;
    Locale lang;
    try {
      db = database(args);
      lang = language(args);
    } catch (IllegalArgumentException e) {
      err.println("opsbook demo: " + e.getMessage());
      err.println("usage: ./opsbook demo [--data DIR | --db JDBC-URL] [--lang zh|en]");
      return 2;
    }
    return run(db, StandardWorkCalendar.weekdays(), lang, out, err, progress);
  }

  /**
   * Returns the narrative's language for {@code --lang zh|en}: Chinese (zh-CN) or English.
   *
   * @throws IllegalArgumentException naming {@code --lang} for another value
   */
  public static Locale language(String lang) {
    return switch (lang.toLowerCase(Locale.ROOT)) {
      case "zh", "zh-cn", "zh_cn" -> Locale.SIMPLIFIED_CHINESE;
      case "en" -> Locale.ENGLISH;
      default -> throw new IllegalArgumentException("--lang must be zh or en, not " + lang);
    };
  }

  /** Returns the JVM's language when the narrative speaks it (Chinese), else English. */
  public static Locale defaultLanguage() {
    return Locale.getDefault().getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }

  /**
   * Runs the demo on {@code db} with a working-day calendar of the host's ({@code --calendar FILE}).
   *
   * @return the exit status: 0 when the day replayed and every audit chain verified, 1 else
   */
  public static int run(Database db, WorkCalendar calendar, PrintStream out, PrintStream err, boolean progress) {
    return run(db, calendar, defaultLanguage(), out, err, progress);
  }

  /**
   * Runs the demo on {@code db} with a working-day calendar of the host's, its narrative in {@code lang} (the fixed
   * phrases from the bundle {@code i18n/opsbook}, the role codes as the manual's posts in Chinese).
   *
   * @return the exit status: 0 when the day replayed and every audit chain verified, 1 else
   */
  public static int run(Database db, WorkCalendar calendar, Locale lang, PrintStream out, PrintStream err,
      boolean progress) {
    Narrative say = new Narrative(lang);
    long started = System.nanoTime();
    Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    MutableClock clock = MutableClock.at(DayAtTheRoom.START, DayAtTheRoom.ZONE);
    ConsoleGateway gateway = new ConsoleGateway(clock, (m, id) -> deliveries.add(new Delivery(m, id)));
    List<Obligation> due = new ArrayList<>();
    try (OpsHost host = OpsHost.open(db, People.demo(), calendar, gateway, (duty, owing) -> due.add(duty),
        "opsbook-demo", clock)) {
      AuditLog audit = host.engine().auditLog();
      int run = nextRun(audit);
      String suffix = run == 1 ? "" : "-r" + run;
      Timeline timeline = new Timeline(out, progress ? err : null, DayAtTheRoom.ZONE, say);
      timeline.text(say.text("demo.intro"));
      timeline.text(say.text("demo.legend"));
      timeline.text(say.text("demo.database", describe(db, say)) + (host.engine().migrationsApplied() > 0
          ? say.text("demo.database.created", host.engine().migrationsApplied()) : say.text("demo.database.upToDate"))
          + say.text("demo.database.run", run) + (suffix.isEmpty() ? "" : say.text("demo.database.suffix", suffix)));
      String runStream = RUN_PREFIX + run;
      audit.append(AuditEntry.builder().stream(runStream).at(DayAtTheRoom.START).actorId("opsbook-demo")
          .action("start").putDetail("suffix", suffix).build());
      OpsRoom room = new OpsRoom(host, timeline, clock, deliveries, say);
      room.wrote(runStream);
      int moments = new Replay(room, clock, due).run(DayAtTheRoom.script(room, suffix), DayAtTheRoom.END);
      audit.append(AuditEntry.builder().stream(runStream).at(DayAtTheRoom.END).actorId("opsbook-demo")
          .action("finish").putDetail("moments", Integer.toString(moments)).build());
      boolean intact = verify(room, audit, timeline, say);
      Duration wall = Duration.ofNanos(System.nanoTime() - started);
      timeline.section(say.text("demo.section.done"));
      timeline.text(say.text("demo.replayed", room.day(DayAtTheRoom.START), room.day(DayAtTheRoom.END),
          Duration.between(DayAtTheRoom.START, DayAtTheRoom.END).toHours(),
          Duration.between(DayAtTheRoom.START, DayAtTheRoom.END).toMinutesPart(), moments, wall.toMillis() / 1000.0));
      timeline.text(say.text("demo.data", describe(db, say)));
      SmsKey pending = SmsKey.parse(DayAtTheRoom.pendingMessage(suffix));
      boolean waiting = host.engine().messages().find(pending).map(m -> m.state() == SmsState.IN_REVIEW).orElse(false);
      String serve = db.embedded() && db.dataFolder().equals(Database.inFolder(Database.DEFAULT_FOLDER).dataFolder())
          ? "./opsbook serve" : db.embedded() ? "./opsbook serve --data " + db.dataFolder()
          : "./opsbook serve --db '" + db.describe() + "'";
      timeline.text(say.text("demo.dashboard", serve) + (waiting ? say.text("demo.dashboard.waiting", pending)
          : say.text("demo.dashboard.end")));
      timeline.finish();
      return intact ? 0 : 1;
    } catch (RuntimeException e) {
      err.println();
      err.println("opsbook demo: failed: " + e);
      return 1;
    }
  }

  private static Database database(String[] args) {
    Database db = Database.inFolder(Database.DEFAULT_FOLDER);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if ((a.equals("--data") || a.equals("--db")) && i + 1 >= args.length) {
        throw new IllegalArgumentException(a + " needs a value");
      }
      if (a.equals("--lang") && i + 1 >= args.length) {
        throw new IllegalArgumentException(a + " needs a value");
      }
      switch (a) {
        case "--data" -> db = Database.inFolder(Path.of(args[++i]));
        case "--db" -> db = Database.at(args[++i]);
        case "--lang" -> i++;
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    return db;
  }

  private static Locale language(String[] args) {
    Locale lang = defaultLanguage();
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--lang")) {
        lang = language(args[++i]);
      } else if (args[i].equals("--data") || args[i].equals("--db")) {
        i++;
      }
    }
    return lang;
  }

  /** Returns where the data is: the embedded database's folder in the narrative's words, or the masked JDBC URL. */
  private static String describe(Database db, Narrative say) {
    return db.embedded() ? say.text("demo.database.h2", db.dataFolder()) : db.describe();
  }

  /** Returns the next run number: one more than the runs this database has seen. */
  private static int nextRun(AuditLog audit) {
    int max = 0;
    for (String s : audit.streams()) {
      if (s.startsWith(RUN_PREFIX)) {
        try {
          max = Math.max(max, Integer.parseInt(s.substring(RUN_PREFIX.length())));
        } catch (NumberFormatException e) {
          // a stream of another tool that happens to share the prefix; not a run of this demo
        }
      }
    }
    return max + 1;
  }

  /** Verifies every stream the run wrote and prints the counts per kind of stream. */
  private static boolean verify(OpsRoom room, AuditLog audit, Timeline timeline, Narrative say) {
    timeline.section(say.text("demo.section.audit"));
    Map<String, long[]> byKind = new TreeMap<>();
    long records = 0;
    boolean intact = true;
    for (String stream : room.streams()) {
      AuditVerification v = audit.verify(stream);
      String kind = stream.substring(0, stream.indexOf(':'));
      long[] c = byKind.computeIfAbsent(kind, k -> new long[2]);
      c[0]++;
      c[1] += v.recordCount();
      records += v.recordCount();
      if (!v.intact()) {
        intact = false;
        timeline.line(List.of(say.text("demo.audit.tag")), say.text("demo.audit.brokenAt", stream,
            v.firstBrokenSequence().orElse(0L), v.problem().orElse("?")));
      }
    }
    StringBuilder kinds = new StringBuilder();
    for (Map.Entry<String, long[]> e : byKind.entrySet()) {
      kinds.append(kinds.length() == 0 ? "" : " · ").append(say.term("demo.stream.", e.getKey())).append(' ')
          .append(e.getValue()[0]).append(" (").append(e.getValue()[1]).append(')');
    }
    timeline.line(List.of(say.text("demo.audit.tag")), say.text("demo.audit.wrote", room.streams().size(), records)
        + say.text(intact ? "demo.audit.verified" : "demo.audit.broken"));
    timeline.detail(say.text("demo.audit.streams", kinds));
    return intact;
  }
}
