package org.opsbook.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import org.opsbook.core.spi.WorkCalendar;
import org.opsbook.examples.demo.Demo;
import org.opsbook.examples.host.Database;
import org.opsbook.examples.http.Credentials;
import org.opsbook.json.DecisionApi;
import org.opsbook.json.ErrorJson;
import org.opsbook.json.OpsJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The command line beyond a bare decision command: options, {@code --help}, {@code demo}, {@code serve} and
 * {@code hash-password}, parsed by picocli ({@link Main} runs a bare decision command without it).
 */
final class HostCommands {
  private HostCommands() {}

  /** Parses {@code args} and runs the command they name; returns the exit status. */
  static int run(DecisionApi api, String[] args, InputStream in, PrintStream out, PrintStream err) {
    CommandLine cl = commandLine(api);
    if (args.length > 0 && !args[0].startsWith("-") && !cl.getSubcommands().containsKey(args[0])) {
      out.println(OpsJson.write(ErrorJson.error(ErrorJson.UNKNOWN_COMMAND,
          "unknown command '" + args[0] + "'; commands: " + api.commandNames())));
      return 2;
    }
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionStrategy(parsed -> execute(parsed, api, in, out, err));
    return cl.execute(args);
  }

  /** The command tree: the root, the host's commands and one subcommand per decision command. */
  static CommandLine commandLine(DecisionApi api) {
    CommandLine cl = new CommandLine(new Root());
    cl.addSubcommand(new CommandLine(new DemoCommand()));
    cl.addSubcommand(new CommandLine(new Serve.Options()));
    cl.addSubcommand(new CommandLine(new HashPassword()));
    for (String name : api.commandNames()) {
      CommandSpec spec = CommandSpec.create().name(name).mixinStandardHelpOptions(true);
      spec.usageMessage().description("The decision command '" + name + "': reads one JSON request on standard "
          + "input and writes one JSON answer on standard output (docs/decision-api.md). Exit status 0, 2 on "
          + "invalid input, 1 on anything else.").customSynopsis("./opsbook " + name + " < request.json");
      cl.addSubcommand(name, new CommandLine(spec));
    }
    return cl;
  }

  private static int execute(ParseResult parsed, DecisionApi api, InputStream in, PrintStream out, PrintStream err) {
    Integer help = CommandLine.executeHelpRequest(parsed);
    if (help != null) {
      return help;
    }
    if (!parsed.hasSubcommand()) {
      parsed.commandSpec().commandLine().usage(err);
      return 2;
    }
    ParseResult sub = parsed.subcommand();
    Object command = sub.commandSpec().userObject();
    try {
      if (command instanceof DemoCommand d) {
        return d.run(out, err);
      }
      if (command instanceof Serve.Options o) {
        return Serve.run(api, o, out, err);
      }
      if (command instanceof HashPassword h) {
        return h.run(in, out, err);
      }
    } catch (CommandLine.ParameterException e) {
      err.println(e.getMessage());
      e.getCommandLine().usage(err);
      return 2;
    }
    return Main.decide(api, sub.commandSpec().name(), in, out);
  }

  /**
   * {@code --version}: the {@code Implementation-Version} the build writes into the manifest of
   * {@code examples/target/opsbook-cli.jar} (the project's version, {@code 0.1.0-SNAPSHOT} until a release), read
   * only when asked.
   */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {text(HostCommands.class.getPackage().getImplementationVersion())};
    }

    /** The line {@code --version} prints for a manifest's version, or for none (run from the compiled classes). */
    static String text(String implementationVersion) {
      return implementationVersion == null || implementationVersion.isBlank()
          ? "opsbook (version unknown: not run from the built opsbook-cli.jar)"
          : "opsbook " + implementationVersion.strip();
    }
  }

  @Command(name = "opsbook", mixinStandardHelpOptions = true, versionProvider = Version.class,
      synopsisHeading = "Usage:%n", customSynopsis = {
          "  ./opsbook <command> < request.json",
          "  ./opsbook demo [--data DIR | --db JDBC-URL] [--calendar FILE] [--lang zh|en]",
          "  ./opsbook serve [--port N] [--host H] [--people FILE] [OPTIONS]",
          "  ./opsbook hash-password < password.txt"},
      description = "The operations manual, executable: the JSON decision commands, the demo and the server. "
          + "./opsbook <command> --help describes each.",
      commandListHeading = "%nCommands:%n")
  static final class Root {}

  @Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Replays a day at the operations room on a simulated clock, prints the timeline and verifies "
          + "every audit chain it wrote. Exit 0 when every chain verified, 1 else, 2 for bad options.")
  static final class DemoCommand {
    @CommandLine.Spec
    CommandSpec spec;

    @CommandLine.Mixin
    DataOptions storage;

    @Option(names = "--lang", paramLabel = "zh|en", description = "the narrative's language: zh (Chinese, the "
        + "manual's posts) or en (English); default: the JVM's language")
    String lang;

    int run(PrintStream out, PrintStream err) {
      Database database = storage.database();
      WorkCalendar cal = storage.workCalendar();
      Locale language;
      try {
        language = lang == null ? Demo.defaultLanguage() : Demo.language(lang);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      return Demo.run(database, cal, language, out, err, System.getenv("OPSBOOK_STDERR_TTY") != null);
    }
  }

  @Command(name = "hash-password", mixinStandardHelpOptions = true,
      description = "Reads a password (the first line of standard input, or typed at the terminal without echo) and "
          + "prints its BCrypt hash for the passwordHash of a people file (serve --people FILE). The password "
          + "itself is stored nowhere.")
  static final class HashPassword {
    int run(InputStream in, PrintStream out, PrintStream err) {
      String password;
      Console console = System.console();
      try {
        if (in == System.in && console != null) {
          char[] typed = console.readPassword("Password: ");
          char[] again = console.readPassword("Again: ");
          if (typed == null || !Arrays.equals(typed, again)) {
            err.println("opsbook hash-password: the two passwords differ");
            return 2;
          }
          password = new String(typed);
        } else {
          String line = new BufferedReader(new InputStreamReader(in, UTF_8)).readLine();
          password = line == null ? "" : line;
        }
        out.println(Credentials.hash(password));
        return 0;
      } catch (IOException e) {
        err.println("opsbook hash-password: cannot read the password: " + e.getMessage());
        return 1;
      } catch (IllegalArgumentException e) {
        err.println("opsbook hash-password: " + e.getMessage());
        return 2;
      }
    }
  }
}
