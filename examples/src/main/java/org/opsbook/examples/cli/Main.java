package org.opsbook.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import org.opsbook.core.InvalidInputException;
import org.opsbook.json.DecisionApi;
import org.opsbook.json.ErrorJson;
import org.opsbook.json.OpsJson;

/**
 * {@code ./opsbook <command>}: a decision command reads one JSON document on standard input and writes one on
 * standard output, exit status 0 on success, 2 on invalid input or an unknown command, 1 on anything else
 * (decision-api.md); {@code demo}, {@code serve} and {@code hash-password} are the host's own. Every command answers
 * {@code --help} (exit 0); a bad option is a usage error (exit 2). Options are long, GNU style
 * ({@code --port 8080} or {@code --port=8080}).
 */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    if (TIMELINE) {
      mark("main");
    }
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, UTF_8);
    System.exit(run(args, System.in, out, err));
  }

  /**
   * Runs one command.
   *
   * @return the exit status
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    DecisionApi api = Commands.decisionApi();
    if (TIMELINE) {
      mark("command table");
    }
    if (args.length == 1 && api.commandNames().contains(args[0])) {
      // the common case, one document in and one out: no option to parse, so the command tree is not built; and
      // nothing of picocli is named in this class, whose Java 5 bytecode the class-data-sharing archive cannot keep:
      // loading it opens and indexes the whole 11,000-entry jar, about 10 ms of every run
      return decide(api, args[0], in, out);
    }
    return HostCommands.run(api, args, in, out, err);
  }

  /** Runs the decision command {@code command} on standard input's document; returns the exit status. */
  static int decide(DecisionApi api, String command, InputStream in, PrintStream out) {
    String request;
    try {
      // strictly, as the server reads a body: malformed bytes are invalid input, never silently replaced
      request = OpsJson.utf8(in.readAllBytes());
    } catch (IOException e) {
      out.println(OpsJson.write(ErrorJson.error(ErrorJson.INTERNAL, "cannot read standard input: " + e.getMessage())));
      return 1;
    } catch (InvalidInputException e) {
      out.println(OpsJson.write(ErrorJson.invalidInput(e)));
      return 2;
    }
    if (TIMELINE) {
      mark("request read");
      phases(api.getClass().getClassLoader());
    }
    DecisionApi.Response response = api.execute(command, request);
    if (TIMELINE) {
      mark("answered");
    }
    out.println(response.bodyText());
    if (TIMELINE) {
      mark("written");
    }
    return response.exitCode();
  }

  /**
   * {@code -Dopsbook.timeline=true}: the start-up timeline on standard error, one line per phase with the
   * microseconds since the previous mark, for measuring where a short run spends its time. Off, it costs one
   * property read.
   */
  private static final boolean TIMELINE = Boolean.getBoolean("opsbook.timeline");
  private static long last;

  private static void mark(String phase) {
    long now = System.nanoTime();
    // concatenation, not a Formatter, whose patterns and locale data would load into the timeline itself
    System.err.println("timeline " + phase + (last == 0 ? "" : " " + (now - last) / 1000 + " us"));
    last = System.nanoTime();
  }

  /**
   * Under the timeline, initialises the classes a decision command builds, in the order {@code classify} first uses
   * them, one mark each, before the command runs: what each costs to set up, apart from the run itself.
   */
  private static void phases(ClassLoader loader) {
    String property = System.getProperty("opsbook.timeline.classes", "");
    for (String name : property.split(",")) {
      if (name.isEmpty()) {
        continue;
      }
      try {
        Class.forName(name, true, loader);
      } catch (ClassNotFoundException e) {
        System.err.println("timeline: no class " + name);
      }
      mark(name.substring(name.lastIndexOf('.') + 1));
    }
  }
}
