package org.opsbook.examples.cli;

import java.io.PrintStream;
import org.opsbook.core.json.DecisionApi;
import org.opsbook.examples.http.OpsHttpServer;

/** {@code ./opsbook serve [--port N] [--host H]}: the decision API over HTTP until the process is stopped. */
final class Serve {
  private Serve() {}

  static int run(DecisionApi api, String[] args, PrintStream err) {
    int port = 8080;
    String host = "127.0.0.1";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> {
          if (i + 1 >= args.length) {
            err.println("--port needs a number");
            return 2;
          }
          try {
            port = Integer.parseInt(args[++i]);
          } catch (NumberFormatException e) {
            err.println("--port needs a number: " + args[i]);
            return 2;
          }
        }
        case "--host" -> {
          if (i + 1 >= args.length) {
            err.println("--host needs an address");
            return 2;
          }
          host = args[++i];
        }
        default -> {
          err.println("unknown option " + args[i] + "; usage: ./opsbook serve [--port N] [--host H]");
          return 2;
        }
      }
    }
    try (OpsHttpServer server = OpsHttpServer.builder(api).host(host).port(port).build().start()) {
      err.println("opsbook: serving the decision API at http://" + host + ":" + server.port() + "/v1/<command>");
      server.join();
      return 0;
    } catch (Exception e) {
      err.println("opsbook: cannot serve: " + e.getMessage());
      return 1;
    }
  }
}
