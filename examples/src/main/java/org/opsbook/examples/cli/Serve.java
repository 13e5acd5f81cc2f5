package org.opsbook.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.net.InetAddresses;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.Person;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.core.time.MutableClock;
import org.opsbook.examples.dashboard.Dashboard;
import org.opsbook.examples.host.ConsoleGateway;
import org.opsbook.examples.host.Database;
import org.opsbook.examples.host.OpsHost;
import org.opsbook.examples.host.People;
import org.opsbook.examples.host.PeopleFile;
import org.opsbook.examples.http.Credentials;
import org.opsbook.examples.http.Limits;
import org.opsbook.examples.http.OpsHttpServer;
import org.opsbook.examples.http.SignIn;
import org.opsbook.examples.server.Operability;
import org.opsbook.examples.server.Reminders;
import org.opsbook.examples.server.StateApi;
import org.opsbook.json.DecisionApi;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code ./opsbook serve}: the decision API at {@code POST /v1/<command>} (no sign-in), the operations dashboard at
 * {@code /} and the stateful API at {@code /api/v1} (signed in), {@code /openapi.json}, {@code /health} and
 * {@code /metrics}, over the demo's data folder or the given database, until the process is stopped. The engine's
 * loops run: approved messages go out through a console gateway on standard output, and due duties reach people
 * through the channels of {@code --reminders FILE}.
 *
 * <p>People sign in with the passwords of a people file ({@code --people FILE}), or through a single sign-on proxy
 * that names them in a header ({@code --trusted-proxy-header NAME}); with neither, the demo's people sign in with
 * one-time passwords printed at start. Off the loopback interface the server needs TLS ({@code --tls-keystore}) or
 * an explicit {@code --plain-http-on-network}, and says so.
 */
final class Serve {
  private Serve() {}

  @Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Serves the decision API at POST /v1/<command> (no sign-in), the operations dashboard at / and "
          + "the stateful API at /api/v1 (signed in), /openapi.json, /health and /metrics, and runs the engine's "
          + "duty timers and SMS outbox until stopped. Exit 2 for bad options, 1 when the server cannot start.",
          "With no options: 127.0.0.1:8080, the H2 database in ./data, the demo's people with one-time passwords "
              + "printed on standard error."})
  static final class Options {
    @CommandLine.Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "the port (default: 8080; 0 picks a free one)")
    int port = 8080;

    @Option(names = "--host", paramLabel = "H", description = "the interface to listen on (default: 127.0.0.1); "
        + "any other than loopback needs --tls-keystore or --plain-http-on-network")
    String host = "127.0.0.1";

    @CommandLine.Mixin
    DataOptions storage;

    @Option(names = "--people", paramLabel = "FILE", description = "the people file: the directory, their roles "
        + "and BCrypt password hashes (./opsbook hash-password); default: the demo's people, one-time passwords")
    Path people;

    @Option(names = "--trusted-proxy-header", paramLabel = "NAME", description = "sign-in by a single sign-on "
        + "reverse proxy that puts the person's ID in this header; only when nothing but the proxy reaches the "
        + "server")
    String proxyHeader;

    @Option(names = "--trusted-proxy-address", paramLabel = "ADDR", description = "the address the single sign-on "
        + "proxy connects from (repeatable; default: this machine's loopback addresses); the header is ignored on "
        + "connections from anywhere else")
    List<String> proxyAddresses = new ArrayList<>();

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "serve HTTPS with this PKCS#12 key "
        + "store; its password in the environment variable of --tls-password-env")
    Path keystore;

    @Option(names = "--tls-password-env", paramLabel = "VAR", description = "the environment variable holding the "
        + "key store's password (default: OPSBOOK_TLS_PASSWORD)")
    String keystorePasswordEnv = "OPSBOOK_TLS_PASSWORD";

    @Option(names = "--plain-http-on-network", description = "allow plain HTTP on a non-loopback --host (passwords "
        + "and sessions then cross the network unencrypted)")
    boolean plainHttpOnNetwork;

    @Option(names = "--allow-host", paramLabel = "NAME", description = "a name clients reach the server by "
        + "(repeatable); loopback names and --host are always allowed, any other Host header is refused")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--max-body", paramLabel = "BYTES", description = "the largest request body (default: "
        + "1048576); larger ones get 413")
    long maxBody = Limits.defaults().maxBodyBytes();

    @Option(names = "--request-timeout", paramLabel = "SECONDS", description = "the time bound per request "
        + "(default: 10)")
    int requestTimeout = (int) Limits.defaults().requestTimeout().toSeconds();

    @Option(names = "--reminders", paramLabel = "FILE", description = "how due duties reach people: JSON "
        + "{\"channels\": [\"dashboard\", \"email\", \"webhook\"], \"smtp\": {\"host\", \"port\", \"from\", \"to\": [...], "
        + "\"addresses\": {\"<person ID>\": \"<address>\"}}, \"webhooks\": [\"<robot URL>\"]} (default: the "
        + "dashboard's feed only)")
    Path reminders;

    @Option(names = "--access-log", paramLabel = "FILE", description = "where the access log goes (default: "
        + "standard error); phone numbers are masked")
    Path accessLog;
  }

  /** A started server and what it holds; closing it stops the server and the engine. */
  record Running(OpsHost host, OpsHttpServer server, PrintStream logFile, ScheduledExecutorService ticker)
      implements AutoCloseable {
    @Override
    public void close() throws Exception {
      try {
        server.close();
      } finally {
        ticker.shutdownNow();
        host.close();
        if (logFile != null) {
          logFile.close();
        }
      }
    }
  }

  /** Reads {@code --trusted-proxy-address} values: IP literals only, so no name lookup decides whom to trust. */
  static Set<InetAddress> proxyAddresses(CommandLine cl, List<String> literals) {
    Set<InetAddress> out = new LinkedHashSet<>();
    for (String literal : literals) {
      try {
        out.add(InetAddresses.forString(literal));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cl, "--trusted-proxy-address: not an IP address: " + literal);
      }
    }
    return out;
  }

  static int run(DecisionApi api, Options o, PrintStream out, PrintStream err) {
    try (Running running = start(api, o, out, err)) {
      running.server().join();
      return 0;
    } catch (CommandLine.ParameterException e) {
      throw e;
    } catch (Exception e) {
      err.println("opsbook: cannot serve: " + e.getMessage());
      return 1;
    }
  }

  /**
   * Makes {@code file}, when it does not exist, readable and writable by its owner alone (POSIX file systems): the
   * access log says who signed in, when and from which address. An existing file is appended to as it is.
   */
  private static void createOwnerOnly(Path file) throws IOException {
    if (Files.notExists(file) && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException e) {
        // made meanwhile by another process: appended to as it is
      }
    }
  }

  /**
   * Starts the server as the options say and prints how to reach it.
   *
   * @throws CommandLine.ParameterException for options that do not fit together (a usage error)
   */
  static Running start(DecisionApi api, Options o, PrintStream out, PrintStream err) throws Exception {
    CommandLine cl = o.spec.commandLine();
    Database db = o.storage.database();
    WorkCalendar calendar = o.storage.workCalendar();
    boolean loopback = OpsHttpServer.isLoopback(o.host);
    if (!loopback && o.keystore == null && !o.plainHttpOnNetwork) {
      throw new CommandLine.ParameterException(cl, "--host " + o.host + " is reachable from the network: give "
          + "--tls-keystore FILE, or --plain-http-on-network to serve plain HTTP there knowingly");
    }
    if (o.maxBody <= 0 || o.requestTimeout <= 0) {
      throw new CommandLine.ParameterException(cl, "--max-body and --request-timeout must be positive");
    }
    People people = People.demo();
    Credentials credentials = null;
    if (o.people != null) {
      try {
        PeopleFile file = PeopleFile.read(o.people);
        people = file.people();
        credentials = Credentials.hashed(file.passwordHashes());
        if (PeopleFile.othersMayRead(o.people)) {
          err.println("opsbook: WARNING: others than its owner may read the people file " + o.people + ": it holds "
              + "people's names, mobile numbers and password hashes; chmod 600 it");
        }
      } catch (IOException e) {
        throw new CommandLine.ParameterException(cl, "--people: cannot read " + o.people + ": " + e.getMessage());
      } catch (InvalidInputException e) {
        throw new CommandLine.ParameterException(cl, "--people " + o.people + ": " + e.getMessage());
      }
    }
    SignIn signIn;
    if (o.proxyHeader != null) {
      try {
        signIn = o.proxyAddresses.isEmpty() ? SignIn.trustedProxy(o.proxyHeader, people.directory())
            : SignIn.trustedProxy(o.proxyHeader, people.directory(), proxyAddresses(cl, o.proxyAddresses));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cl, "--trusted-proxy-header: " + e.getMessage());
      }
    } else if (credentials != null) {
      signIn = SignIn.passwords(people.directory(), credentials);
    } else {
      Credentials.OneTime oneTime = Credentials.oneTime(people.everyone().stream()
          .filter(p -> !p.roles().isEmpty()).map(Person::id).toList());
      signIn = SignIn.passwords(people.directory(), oneTime.credentials());
      err.println("opsbook: demo sign-in, one-time passwords (each works once, until the server stops):");
      for (Map.Entry<String, String> e : oneTime.passwords().entrySet()) {
        Person p = people.find(e.getKey()).orElseThrow();
        err.printf("  %-9s %s  %s %s%n", p.id(), e.getValue(), Masking.name(p.name()), p.roles());
      }
    }
    String password = null;
    if (o.keystore != null) {
      password = System.getenv(o.keystorePasswordEnv);
      if (password == null) {
        throw new CommandLine.ParameterException(cl, "--tls-keystore needs its password in the environment "
            + "variable " + o.keystorePasswordEnv);
      }
      if (!Files.isReadable(o.keystore)) {
        throw new CommandLine.ParameterException(cl, "--tls-keystore: cannot read " + o.keystore);
      }
    }
    Consumer<String> log;
    PrintStream logFile = null;
    try {
      if (o.accessLog != null) {
        createOwnerOnly(o.accessLog);
        logFile = new PrintStream(new FileOutputStream(o.accessLog.toFile(), true), true, UTF_8);
        log = logFile::println;
      } else {
        log = line -> err.println("access " + line);
      }
    } catch (IOException e) {
      throw new CommandLine.ParameterException(cl, "--access-log: cannot open " + o.accessLog + ": " + e.getMessage());
    }
    Reminders.Config remindersConfig = Reminders.Config.dashboardOnly();
    if (o.reminders != null) {
      try {
        remindersConfig = Reminders.Config.read(o.reminders);
      } catch (IOException e) {
        throw new CommandLine.ParameterException(cl, "--reminders: cannot read " + o.reminders + ": "
            + e.getMessage());
      } catch (InvalidInputException e) {
        throw new CommandLine.ParameterException(cl, "--reminders " + o.reminders + ": " + e.getMessage());
      }
    }
    Limits limits = Limits.defaults().withMaxBodyBytes(o.maxBody)
        .withRequestTimeout(Duration.ofSeconds(o.requestTimeout));
    Clock clock = Clock.systemUTC();
    MutableClock engineClock = MutableClock.at(clock.instant());
    OpsHttpServer.Builder builder = OpsHttpServer.builder(api).host(o.host).port(o.port).signIn(signIn)
        .limits(limits).accessLog(log);
    o.allowedHosts.forEach(builder::allowHost);
    if (o.keystore != null) {
      builder.tls(o.keystore, password);
    }
    Operability operability = new Operability();
    Reminders reminders = new Reminders(remindersConfig, operability, engineClock, calendar.zone());
    OpsHost ops = OpsHost.open(db, people, calendar,
        operability.measuring(ConsoleGateway.printingTo(out, engineClock)), reminders, operability.storageErrors(),
        "opsbook-serve", engineClock);
    operability.attach(ops.engine());
    // the engine's clock follows the wall clock (and never runs behind data the dashboard has seen)
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "opsbook-clock");
      t.setDaemon(true);
      return t;
    });
    OpsHttpServer server;
    try {
      // on the network the metrics need a signed-in person; a scraper on the machine reads them freely
      StateApi.install(builder, ops.engine(), operability, reminders, loopback);
      server = new Dashboard(ops, clock).install(builder).build();
      ticker.scheduleWithFixedDelay(() -> ops.advanceClockTo(clock.instant()), 1, 1, TimeUnit.SECONDS);
      ops.engine().start();
      server.start();
    } catch (Exception e) {
      ticker.shutdownNow();
      ops.close();
      if (logFile != null) {
        logFile.close();
      }
      throw e;
    }
    String base = server.scheme() + "://" + (o.host.contains(":") ? "[" + o.host + "]" : o.host) + ":"
        + server.port();
    err.println("opsbook: data in " + db.describe());
    err.println("opsbook: the decision API at " + base + "/v1/<command>, the dashboard at " + base + "/ ("
        + signIn.mode() + " sign-in" + (o.proxyHeader != null ? " by header " + o.proxyHeader : "") + ")");
    if (!loopback) {
      err.println("opsbook: WARNING: listening on " + o.host + ", reachable from the network"
          + (o.keystore == null ? " over PLAIN HTTP: passwords and sessions are readable on the wire" : "")
          + (o.proxyHeader != null ? "; the " + o.proxyHeader + " header is believed only on connections from "
              + signIn.proxies().stream().map(InetAddress::getHostAddress).sorted().toList() : ""));
    }
    err.println("opsbook: the engine's loops run; reminders by " + remindersConfig.channels().stream().sorted()
        .toList() + "; the API at " + base + "/api/v1 (" + base + "/openapi.json), " + base + "/health, " + base
        + "/metrics");
    return new Running(ops, server, logFile, ticker);
  }
}
