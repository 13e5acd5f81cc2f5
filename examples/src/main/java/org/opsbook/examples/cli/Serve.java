package org.opsbook.examples.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.opsbook.core.Masking;
import org.opsbook.core.Obligation;
import org.opsbook.core.Person;
import org.opsbook.json.DecisionApi;
import org.opsbook.core.time.MutableClock;
import org.opsbook.examples.dashboard.Dashboard;
import org.opsbook.examples.host.ConsoleGateway;
import org.opsbook.examples.host.Database;
import org.opsbook.examples.host.OpsHost;
import org.opsbook.examples.http.OpsHttpServer;

/**
 * {@code ./opsbook serve [--port N] [--host H] [--data DIR | --db JDBC-URL]}: the decision API at
 * {@code POST /v1/<command>} and the operations dashboard at {@code /}, over the demo's data folder (or the given
 * database), until the process is stopped. Approved messages go out through a console gateway on standard output.
 */
final class Serve {
  private Serve() {}

  static int run(DecisionApi api, String[] args, PrintStream out, PrintStream err) {
    int port = 8080;
    String host = "127.0.0.1";
    Database db = Database.inFolder(Database.DEFAULT_FOLDER);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--") && i + 1 >= args.length) {
        err.println(a + " needs a value; usage: ./opsbook serve [--port N] [--host H] [--data DIR | --db JDBC-URL]");
        return 2;
      }
      switch (a) {
        case "--port" -> {
          try {
            port = Integer.parseInt(args[++i]);
          } catch (NumberFormatException e) {
            err.println("--port needs a number: " + args[i]);
            return 2;
          }
        }
        case "--host" -> host = args[++i];
        case "--data" -> db = Database.inFolder(Path.of(args[++i]));
        case "--db" -> db = Database.at(args[++i]);
        default -> {
          err.println("unknown option " + a + "; usage: ./opsbook serve [--port N] [--host H] "
              + "[--data DIR | --db JDBC-URL]");
          return 2;
        }
      }
    }
    Clock clock = Clock.systemUTC();
    MutableClock engineClock = MutableClock.at(clock.instant());
    try (OpsHost ops = OpsHost.open(db, ConsoleGateway.printingTo(out, engineClock), Serve::remind, "opsbook-serve",
        engineClock);
         OpsHttpServer server = new Dashboard(ops, clock).install(OpsHttpServer.builder(api).host(host).port(port))
             .build().start()) {
      String base = "http://" + host + ":" + server.port();
      err.println("opsbook: data in " + db.describe());
      err.println("opsbook: the decision API at " + base + "/v1/<command>, the dashboard at " + base + "/");
      server.join();
      return 0;
    } catch (Exception e) {
      err.println("opsbook: cannot serve: " + e.getMessage());
      return 1;
    }
  }

  /** The dashboard's reminder: a due duty is printed on the server's error stream, names masked. */
  private static void remind(Obligation duty, List<Person> owing) {
    System.err.println("opsbook: due " + duty.ruleId() + " " + duty.subjectId() + ": "
        + owing.stream().map(p -> Masking.name(p.name())).toList() + " (" + duty.actor() + ") → " + duty.target()
        + " by " + duty.channel() + ": " + duty.action());
  }
}
