package org.opsbook.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.opsbook.json.OpsJson;

class MainTest {
  private record Run(int status, String out, String err) {}

  private static Run run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new ByteArrayInputStream(stdin.getBytes(UTF_8)),
        new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    return new Run(status, out.toString(UTF_8), err.toString(UTF_8));
  }

  @Test
  void malformedUtf8OnStandardInputIsInvalidInputAsOverHttp() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] body = {'{', '"', 's', 'u', 'b', 'j', 'e', 'c', 't', 'N', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff,
        (byte) 0xfe, '"', '}'};
    int status = Main.run(new String[] {"classify"}, new ByteArrayInputStream(body), new PrintStream(out, true, UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(OpsJson.parse(out.toString(UTF_8)).at("/error/code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(OpsJson.parse(out.toString(UTF_8)).at("/error/message").asText()).contains("not valid UTF-8");
  }

  @Test
  void anUnknownCommandExitsTwoWithAJsonError() {
    Run r = run("{}", "no-such-command");
    assertThat(r.status()).isEqualTo(2);
    assertThat(OpsJson.parse(r.out()).at("/error/code").asText()).isEqualTo("UNKNOWN_COMMAND");
  }

  /**
   * The class a bare decision command runs through names nothing of picocli: picocli is Java 5 bytecode, which the
   * class-data-sharing archive cannot keep, and loading it (the verifier does, for a catch clause) makes every
   * {@code ./opsbook classify} open and index the whole command-line jar.
   */
  @Test
  void theDecisionPathNamesNoPicocliClass() throws Exception {
    byte[] main;
    try (var in = Main.class.getResourceAsStream("Main.class")) {
      main = in.readAllBytes();
    }
    assertThat(new String(main, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("picocli/");
    byte[] host;
    try (var in = HostCommands.class.getResourceAsStream("HostCommands.class")) {
      host = in.readAllBytes();
    }
    assertThat(new String(host, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("picocli/CommandLine");
  }

  /**
   * {@code --version} prints the version the build wrote into the jar's manifest; run from the compiled classes, as
   * here, there is none, and it says so rather than naming a version it cannot know.
   */
  @Test
  void theVersionComesFromTheJarsManifest() {
    Run r = run("", "--version");
    assertThat(r.status()).isZero();
    assertThat(r.out().strip()).isEqualTo(
        HostCommands.Version.text(HostCommands.class.getPackage().getImplementationVersion()));
    assertThat(HostCommands.Version.text("0.1.0-SNAPSHOT")).isEqualTo("opsbook 0.1.0-SNAPSHOT");
    assertThat(HostCommands.Version.text(null)).isEqualTo(HostCommands.Version.text(" "))
        .isEqualTo("opsbook (version unknown: not run from the built opsbook-cli.jar)");
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
  void theDatabasePasswordFromTheEnvironmentIsCheckedBeforeAnythingRuns() {
    String url = "jdbc:postgresql://127.0.0.1:1/ops?user=opsbook";
    Run unset = run("", "demo", "--db", url, "--db-password-env", "OPSBOOK_TEST_UNSET_VARIABLE");
    assertThat(unset.status()).isEqualTo(2);
    assertThat(unset.err()).contains("OPSBOOK_TEST_UNSET_VARIABLE is not set");
    assertThat(run("", "serve", "--db-password-env", "PATH").err()).contains("--db-password-env needs --db");
    Run twice = run("", "demo", "--db", url + "&password=p", "--db-password-env", "PATH");
    assertThat(twice.status()).isEqualTo(2);
    assertThat(twice.err()).contains("not both");
  }

  @Test
  void theUsageNamesTheDemoAndTheServer() {
    Run r = run("", "--help");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("./opsbook demo [--data DIR | --db JDBC-URL]", "./opsbook serve", "hash-password",
        "classify", "cutover");
  }

  @ParameterizedTest
  @ValueSource(strings = {"serve", "demo", "hash-password", "classify", "obligations", "dataop"})
  void everyCommandAnswersHelpWithExitZero(String command) {
    Run r = run("", command, "--help");
    assertThat(r.status()).as(command + " --help").isZero();
    assertThat(r.out()).contains("Usage:", command);
  }

  @Test
  void serveHelpListsTheSecurityOptions() {
    assertThat(run("", "serve", "--help").out()).contains("--people", "--trusted-proxy-header", "--tls-keystore",
        "--plain-http-on-network", "--calendar", "--max-body");
    assertThat(run("", "demo", "--help").out()).contains("--calendar", "--data", "--db", "--lang");
  }

  @Test
  void serveRefusesANetworkInterfaceWithoutTlsOrTheExplicitFlag() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"serve", "--host", "0.0.0.0", "--port", "0"}, new ByteArrayInputStream(new byte[0]),
        new PrintStream(new ByteArrayOutputStream(), true, UTF_8), new PrintStream(err, true, UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(UTF_8)).contains("--tls-keystore", "--plain-http-on-network");
  }

  @Test
  void aBadCalendarFileIsAUsageErrorNamingTheField(@TempDir Path dir) throws Exception {
    Path cal = dir.resolve("cal.json");
    Files.writeString(cal, "{\"holidays\": [\"2026-13-01\"]}");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"demo", "--data", dir.resolve("d").toString(), "--calendar", cal.toString()},
        new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream(), true, UTF_8),
        new PrintStream(err, true, UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(UTF_8)).contains("holidays[0]");
  }

  @Test
  void hashPasswordPrintsABcryptHashThatVerifies() {
    Run r = run("correct horse battery staple\n", "hash-password");
    assertThat(r.status()).isZero();
    String hash = r.out().trim();
    assertThat(hash).startsWith("$2a$12$").doesNotContain("horse");
    assertThat(BCrypt.checkpw("correct horse battery staple", hash)).isTrue();
    assertThat(run("", "hash-password").status()).as("an empty password").isEqualTo(2);
  }
}
