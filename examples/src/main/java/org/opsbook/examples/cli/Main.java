package org.opsbook.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import org.opsbook.json.DecisionApi;
import org.opsbook.json.ErrorJson;
import org.opsbook.json.OpsJson;
import org.opsbook.examples.demo.Demo;

/**
 * {@code ./opsbook <command>}: reads one JSON document on standard input, writes one on standard output. Exit
 * status 0 on success, 2 on invalid input or an unknown command, 1 on anything else (decision-api.md).
 */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
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
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      err.println("usage: ./opsbook <command> < request.json");
      err.println("       ./opsbook demo [--data DIR | --db JDBC-URL]");
      err.println("       ./opsbook serve [--port N] [--host H] [--data DIR | --db JDBC-URL]");
      err.println("commands: " + (api.commandNames().isEmpty() ? "(none yet)" : String.join(", ", api.commandNames())));
      return args.length == 0 ? 2 : 0;
    }
    String command = args[0];
    if (command.equals("demo")) {
      return Demo.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err,
          System.getenv("OPSBOOK_STDERR_TTY") != null);
    }
    if (command.equals("serve")) {
      return Serve.run(api, java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    if (!api.commandNames().contains(command)) {
      out.println(OpsJson.write(ErrorJson.error(ErrorJson.UNKNOWN_COMMAND,
          "unknown command '" + command + "'; commands: " + api.commandNames())));
      return 2;
    }
    String request;
    try {
      request = new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      out.println(OpsJson.write(ErrorJson.error(ErrorJson.INTERNAL, "cannot read standard input: " + e.getMessage())));
      return 1;
    }
    DecisionApi.Response response = api.execute(command, request);
    out.println(response.bodyText());
    return response.exitCode();
  }
}
