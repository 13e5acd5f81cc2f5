package org.opsbook.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import org.opsbook.json.OpsJson;

class MainTest {
  private record Run(int status, String out) {}

  private static Run run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Main.run(args, new ByteArrayInputStream(stdin.getBytes(UTF_8)),
        new PrintStream(out, true, UTF_8), new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
    return new Run(status, out.toString(UTF_8));
  }

  @Test
  void anUnknownCommandExitsTwoWithAJsonError() {
    Run r = run("{}", "no-such-command");
    assertThat(r.status()).isEqualTo(2);
    assertThat(OpsJson.parse(r.out()).at("/error/code").asText()).isEqualTo("UNKNOWN_COMMAND");
  }

  @Test
  void noCommandIsAUsageError() {
    assertThat(run("").status()).isEqualTo(2);
  }

  @Test
  void serveRefusesBadOptionsWithExitTwo() {
    assertThat(run("", "serve", "--port", "eighty").status()).isEqualTo(2);
    assertThat(run("", "serve", "--bogus", "x").status()).isEqualTo(2);
    assertThat(run("", "serve", "--db").status()).isEqualTo(2);
  }

  @Test
  void demoRefusesBadOptionsWithExitTwo() {
    assertThat(run("", "demo", "--data").status()).isEqualTo(2);
  }

  @Test
  void theUsageNamesTheDemoAndTheServer() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"--help"}, new ByteArrayInputStream(new byte[0]),
        new PrintStream(new ByteArrayOutputStream(), true, UTF_8), new PrintStream(err, true, UTF_8));
    assertThat(status).isZero();
    assertThat(err.toString(UTF_8)).contains("./opsbook demo [--data DIR | --db JDBC-URL]", "./opsbook serve",
        "classify", "cutover");
  }
}
