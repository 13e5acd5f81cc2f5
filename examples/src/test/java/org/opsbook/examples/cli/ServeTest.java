package org.opsbook.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.json.OpsJson;
import picocli.CommandLine;

/**
 * {@code ./opsbook serve} as its options set it up: the people file's person signs in with the password whose hash
 * {@code hash-password} printed, and only that person; a network interface with the explicit flag is served with a
 * warning; the access log goes to its file with numbers masked.
 */
class ServeTest {
  @Test
  void servesThePeopleFileOnTheNetworkWithAWarningAndLogsMasked(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream hashOut = new ByteArrayOutputStream();
    assertThat(Main.run(new String[] {"hash-password"}, new java.io.ByteArrayInputStream("s3cret-pass\n"
        .getBytes(UTF_8)), new PrintStream(hashOut, true, UTF_8), System.err)).isZero();
    Path people = dir.resolve("people.json");
    Files.writeString(people, """
        {"people": [
          {"id": "lisi", "name": "李四", "phone": "13800000102", "roles": ["FAULT_TEAM_LEADER"],
           "recipientClasses": ["C"], "passwordHash": "%s"},
          {"id": "han18", "name": "韩十八", "recipientClasses": ["B"]}
        ]}""".formatted(hashOut.toString(UTF_8).trim()));
    Files.setPosixFilePermissions(people, PosixFilePermissions.fromString("rw-r--r--"));
    Path log = dir.resolve("access.log");
    Serve.Options o = options("--port", "0", "--host", "0.0.0.0", "--plain-http-on-network", "--data",
        dir.resolve("data").toString(), "--people", people.toString(), "--access-log", log.toString());
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    try (Serve.Running running = Serve.start(Commands.decisionApi(), o, new PrintStream(new ByteArrayOutputStream(),
        true, UTF_8), new PrintStream(err, true, UTF_8))) {
      assertThat(err.toString(UTF_8)).contains("WARNING: listening on 0.0.0.0", "PLAIN HTTP", "PASSWORD sign-in",
          "WARNING: others than its owner may read the people file").doesNotContain("one-time");
      String base = "http://127.0.0.1:" + running.server().port();
      HttpClient c = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      assertThat(login(c, base, "lisi", "wrong")).isEqualTo(401);
      assertThat(login(c, base, "han18", "s3cret-pass")).as("no passwordHash: cannot sign in").isEqualTo(401);
      assertThat(login(c, base, "lisi", "s3cret-pass")).isEqualTo(303);
      HttpResponse<String> me = c.send(HttpRequest.newBuilder(URI.create(base + "/api/session?n=13800000102"))
          .build(), HttpResponse.BodyHandlers.ofString(UTF_8));
      assertThat(OpsJson.parse(me.body()).get("roles").toString()).isEqualTo("[\"FAULT_TEAM_LEADER\"]");
    }
    assertThat(Files.readString(log)).contains("\"POST /login\" 303", " l*** \"GET /api/session?n=138****0102\"")
        .doesNotContain("13800000102", "lisi");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log)))
        .as("who signed in, when and from where: for the owner alone").isEqualTo("rw-------");
  }

  @Test
  void onLoopbackTheOpenApiHealthAndMetricsAnswerWithoutSignInAndTheLoopsRun(@TempDir Path dir) throws Exception {
    Serve.Options o = withReminders(dir, "{\"channels\": [\"dashboard\"]}");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    try (Serve.Running running = Serve.start(Commands.decisionApi(), o, new PrintStream(new ByteArrayOutputStream(),
        true, UTF_8), new PrintStream(err, true, UTF_8))) {
      String base = "http://127.0.0.1:" + running.server().port();
      HttpClient c = HttpClient.newHttpClient();
      assertThat(running.host().engine().isRunning()).isTrue();
      assertThat(get(c, base + "/openapi.json").statusCode()).isEqualTo(200);
      HttpResponse<String> health = get(c, base + "/health");
      assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
      assertThat(get(c, base + "/metrics").body()).contains("opsbook_duties_due", "opsbook_sms_awaiting_review");
      assertThat(get(c, base + "/api/v1/faults").statusCode()).isEqualTo(401);
      assertThat(err.toString(UTF_8)).contains("reminders by [dashboard]", "/api/v1");
    }
  }

  @Test
  void aRemindersFileWithAWrongFieldIsAUsageError(@TempDir Path dir) throws Exception {
    Serve.Options o = withReminders(dir, "{\"channels\": [\"email\"]}");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Serve.start(Commands.decisionApi(), o,
        System.out, System.err)).isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("smtp");
  }

  /** Returns the options of a server on a free port over {@code dir}'s data, with this reminders file. */
  private static Serve.Options withReminders(Path dir, String remindersJson) throws Exception {
    Path reminders = dir.resolve("reminders.json");
    Files.writeString(reminders, remindersJson);
    return options("--port", "0", "--data", dir.resolve("data").toString(), "--reminders", reminders.toString());
  }

  private static HttpResponse<String> get(HttpClient c, String url) throws Exception {
    return c.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
  }

  private static int login(HttpClient c, String base, String id, String password) throws Exception {
    return c.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .POST(HttpRequest.BodyPublishers.ofString("id=" + id + "&password=" + password))
        .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static Serve.Options options(String... args) {
    CommandLine cl = new CommandLine(new Serve.Options());
    cl.parseArgs(args);
    return cl.getCommand();
  }
}
