package org.opsbook.examples.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.core.Channel;
import org.opsbook.core.FaultFacts;
import org.opsbook.core.FaultNature;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Obligation;
import org.opsbook.core.Person;
import org.opsbook.core.Role;
import org.opsbook.core.RuleId;
import org.opsbook.engine.OpsEngine;
import org.opsbook.json.OpsJson;

/**
 * A duty that falls due reaches its person through every configured channel: the dashboard's feed, e-mail over SMTP
 * (an in-process GreenMail server) and a group-chat robot's webhook in the 企业微信 / 钉钉 text format (a local HTTP
 * endpoint). The configuration names the field it gets wrong.
 */
class RemindersTest {
  private final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
  private HttpServer robot;
  private final List<String> robotBodies = new CopyOnWriteArrayList<>();
  private volatile int robotStatus = 200;
  private volatile String robotAnswer = "{\"errcode\":0,\"errmsg\":\"ok\"}";

  @BeforeEach
  void start() throws Exception {
    mail.start();
    robot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    robot.createContext("/cgi-bin/webhook/send", exchange -> {
      robotBodies.add(new String(exchange.getRequestBody().readAllBytes(), UTF_8));
      byte[] answer = robotAnswer.getBytes(UTF_8);
      exchange.sendResponseHeaders(robotStatus, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    robot.start();
  }

  @AfterEach
  void stop() {
    robot.stop(0);
    mail.stop();
  }

  private Reminders.Config config(String channels) {
    return config(channels, "'http://127.0.0.1:" + robot.getAddress().getPort() + "/cgi-bin/webhook/send?key=k'");
  }

  private Reminders.Config config(String channels, String webhooks) {
    return Reminders.Config.parse(("{'channels': [" + channels + "], 'smtp': {'host': '127.0.0.1', 'port': "
        + mail.getSmtp().getPort() + ", 'from': 'opsbook@example.com', 'to': ['room@example.com'], "
        + "'addresses': {'zhangsan': 'zhangsan@example.com'}}, 'webhooks': [" + webhooks + "]}").replace('\'', '"'));
  }

  @Test
  void aDueDutyReachesTheDashboardTheMailboxAndTheRobot(@TempDir Path dir) throws Exception {
    try (ServedApi served = new ServedApi(dir, config("'dashboard', 'email', 'webhook'"))) {
      OpsEngine engine = served.host().engine();
      engine.faults().open("F-R", facts(), "zhangsan");
      Instant due = engine.nextDueAt().orElseThrow();
      served.host().clock().set(due.plus(Duration.ofMinutes(1)));

      OpsEngine.DueWork done = engine.runDueWork();

      assertThat(done.dutiesReminded()).isPositive();
      JsonNode feed = OpsJson.parse(served.as("zhangsan").get("/api/v1/reminders?after=0").body()).get("reminders");
      assertThat(feed.size()).isEqualTo(done.dutiesReminded());
      String rule = feed.get(0).get("ruleId").asText();
      assertThat(feed.get(0).get("text").asText()).contains("F-R", rule, "值班提醒");
      long last = feed.get(feed.size() - 1).get("seq").asLong();
      assertThat(OpsJson.parse(served.as("zhangsan").get("/api/v1/reminders?after=" + last).body())
          .get("reminders").size()).isZero();

      MimeMessage[] received = mail.getReceivedMessages();
      assertThat(received).isNotEmpty();
      assertThat(received[0].getSubject()).contains("值班提醒", "F-R");
      assertThat(List.of(received[0].getAllRecipients()).toString()).contains("room@example.com");
      assertThat(received[0].getContent().toString()).contains("F-R");

      assertThat(robotBodies).hasSize(done.dutiesReminded());
      JsonNode body = OpsJson.parse(robotBodies.get(0));
      assertThat(body.get("msgtype").asText()).isEqualTo("text");
      assertThat(body.at("/text/content").asText()).contains("F-R", "值班提醒");
      assertThat(body.at("/text/content").asText()).doesNotContain("13800000101");

      assertThat(served.operability().registry().scrape()).contains("opsbook_reminders_total",
          "channel=\"webhook\"", "opsbook_scheduler_claim_latency_seconds_count");
    }
  }

  @Test
  void aChannelThatFailedIsRetriedAloneAndARobotDownDoesNotKeepTheMessageFromTheNext(@TempDir Path dir)
      throws Exception {
    // before: a reminder failed only when every channel failed, so the dashboard taking it ended the retries of a
    // robot that was down, and the first robot down kept the message from every robot after it
    List<String> otherBodies = new CopyOnWriteArrayList<>();
    robot.createContext("/other/send", exchange -> {
      otherBodies.add(new String(exchange.getRequestBody().readAllBytes(), UTF_8));
      byte[] answer = "{\"errcode\":0}".getBytes(UTF_8);
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    robotStatus = 500;
    try (ServedApi served = new ServedApi(dir, config("'dashboard'"))) {
      OpsEngine engine = served.host().engine();
      engine.faults().open("F-R", facts(), "zhangsan");
      Obligation duty = engine.faults().duties("F-R").get(0);
      Reminders.Config all = config("'dashboard', 'email', 'webhook'", "'http://127.0.0.1:"
          + robot.getAddress().getPort() + "/cgi-bin/webhook/send?key=k', 'http://127.0.0.1:"
          + robot.getAddress().getPort() + "/other/send'");
      Reminders reminders = new Reminders(all, served.operability(), engine.clock(), engine.calendar().zone());

      assertThatThrownBy(() -> reminders.remind(duty, List.of())).as("the first robot is down: retry")
          .hasMessageContaining("answered 500");
      assertThat(mail.getReceivedMessages()).hasSize(1);
      assertThat(robotBodies).hasSize(1);
      assertThat(otherBodies).as("the robot after the one down").hasSize(1);
      assertThat(reminders.feedAfter("0").size()).isEqualTo(1);

      robotStatus = 200;
      reminders.remind(duty, List.of());
      assertThat(robotBodies).as("the retry reaches the robot that was down").hasSize(2);
      assertThat(mail.getReceivedMessages()).as("and not the mailbox again").hasSize(1);
      assertThat(otherBodies).as("nor the robot that took it").hasSize(1);

      reminders.remind(duty, List.of());
      assertThat(robotBodies).as("handed over again: each channel has it once").hasSize(2);
      assertThat(mail.getReceivedMessages()).hasSize(1);

      Reminders robotOnly = new Reminders(config("'webhook'"), served.operability(), engine.clock(),
          engine.calendar().zone());
      robotStatus = 500;
      assertThatThrownBy(() -> robotOnly.remind(duty, List.of())).hasMessageContaining("answered 500");
      robotStatus = 200;
      robotAnswer = "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}";
      assertThatThrownBy(() -> robotOnly.remind(duty, List.of())).hasMessageContaining("errcode 93000");
    }
  }

  @Test
  void aReminderInterruptedWhileARobotAnswersStopsAndKeepsTheInterrupt(@TempDir Path dir) throws Exception {
    // the engine stopping interrupts its loop: the reminder ends there, for its next start to retry, and says so
    CountDownLatch reached = new CountDownLatch(1);
    robot.createContext("/slow/send", exchange -> {
      reached.countDown();
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    });
    try (ServedApi served = new ServedApi(dir, config("'dashboard'"))) {
      OpsEngine engine = served.host().engine();
      engine.faults().open("F-R", facts(), "zhangsan");
      Obligation duty = engine.faults().duties("F-R").get(0);
      Reminders slow = new Reminders(config("'webhook'", "'http://127.0.0.1:" + robot.getAddress().getPort()
          + "/slow/send', 'http://127.0.0.1:" + robot.getAddress().getPort() + "/cgi-bin/webhook/send?key=k'"),
          served.operability(), engine.clock(), engine.calendar().zone());
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicBoolean interrupted = new AtomicBoolean();
      Thread loop = new Thread(() -> {
        try {
          slow.remind(duty, List.of());
        } catch (Exception e) {
          thrown.set(e);
        }
        interrupted.set(Thread.currentThread().isInterrupted());
      });
      loop.start();
      assertThat(reached.await(5, TimeUnit.SECONDS)).isTrue();
      loop.interrupt();
      loop.join(5_000);
      assertThat(loop.isAlive()).as("ended at the interrupt, not after the robot's 10 s").isFalse();
      assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
      assertThat(interrupted.get()).as("the interrupt is kept for the loop to see").isTrue();
      assertThat(robotBodies).as("the robot after it is left for the retry").isEmpty();
    }
  }

  @Test
  void aMailServersRefusalIsLoggedWithoutThePeoplesAddresses(@TempDir Path dir) throws Exception {
    // before: the failure was logged as JavaMail words it, and a refusal quotes each address it refused
    try (ServerSocket refusing = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServedApi served = new ServedApi(dir, config("'dashboard'"))) {
      Thread smtp = new Thread(() -> refuseEveryRecipient(refusing));
      smtp.setDaemon(true);
      smtp.start();
      OpsEngine engine = served.host().engine();
      engine.faults().open("F-R", facts(), "zhangsan");
      Obligation duty = engine.faults().duties("F-R").get(0);
      Reminders mailOnly = new Reminders(Reminders.Config.parse(("{'channels': ['email'], 'smtp': {'host': "
          + "'127.0.0.1', 'port': " + refusing.getLocalPort() + ", 'from': 'opsbook@example.com', 'to': "
          + "['room@example.com'], 'addresses': {'zhangsan': 'zhangsan@example.com'}}}").replace('\'', '"')),
          served.operability(), engine.clock(), engine.calendar().zone());
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream old = System.err;
      System.setErr(new PrintStream(err, true, UTF_8));
      try {
        assertThatThrownBy(() -> mailOnly.remind(duty, List.of(Person.builder().id("zhangsan").name("张三")
            .addRoles(Role.ESC_DUTY).build()))).isInstanceOf(jakarta.mail.MessagingException.class);
      } finally {
        System.setErr(old);
      }
      String log = err.toString(UTF_8);
      assertThat(log).contains("by email failed", "550", "z***@example.com")
          .doesNotContain("zhangsan@example.com", "room@example.com");
    }
  }

  /** A mail server that refuses every recipient, quoting the address, as a real one does. */
  private static void refuseEveryRecipient(ServerSocket server) {
    try (Socket s = server.accept(); BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
        UTF_8)); Writer out = new OutputStreamWriter(s.getOutputStream(), UTF_8)) {
      out.write("220 refusing ESMTP\r\n");
      out.flush();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
        String address = line.contains("<") ? line.substring(line.indexOf('<'), line.indexOf('>') + 1) : "";
        out.write(switch (verb) {
          case "RCPT" -> "550 5.1.1 " + address + ": Recipient address rejected: User unknown\r\n";
          case "DATA" -> "554 5.5.1 No valid recipients\r\n";
          case "QUIT" -> "221 bye\r\n";
          default -> "250 ok\r\n";
        });
        out.flush();
        if (verb.equals("QUIT")) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  @Test
  void aDutyLongOverdueGoesToTheDashboardOnlyNotToTheMailboxOrTheRobot(@TempDir Path dir) throws Exception {
    try (ServedApi served = new ServedApi(dir, config("'dashboard'"))) {
      OpsEngine engine = served.host().engine();
      engine.faults().open("F-R", facts(), "zhangsan");
      Obligation duty = engine.faults().duties("F-R").stream().filter(d -> d.dueAt().isPresent()).findFirst()
          .orElseThrow();
      Reminders all = new Reminders(config("'dashboard', 'email', 'webhook'"), served.operability(), engine.clock(),
          engine.calendar().zone());
      served.host().clock().set(duty.dueAt().orElseThrow().plus(Reminders.Config.STALE_AFTER).minusSeconds(60));
      all.remind(duty, List.of());
      assertThat(mail.getReceivedMessages()).as("overdue, but within the window").hasSize(1);
      assertThat(robotBodies).hasSize(1);

      served.host().clock().set(duty.dueAt().orElseThrow().plus(Duration.ofDays(2)));
      all.remind(duty, List.of());
      assertThat(mail.getReceivedMessages()).as("two days late: no mail").hasSize(1);
      assertThat(robotBodies).as("two days late: no robot").hasSize(1);
      assertThat(all.feedAfter("0").size()).as("the dashboard still shows it").isEqualTo(1);
      assertThat(served.operability().registry().scrape()).contains("outcome=\"stale\"");
    }
    assertField("{\"staleAfter\": \"twelve hours\"}", "staleAfter");
    assertField("{\"staleAfter\": \"PT0S\"}", "staleAfter");
    assertThat(Reminders.Config.parse("{\"staleAfter\": \"PT2H\"}").staleAfter()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void theConfigurationNamesTheFieldItGetsWrong() {
    assertField("{\"channels\": [\"pager\"]}", "channels[0]");
    assertField("{\"channels\": [\"email\"]}", "smtp");
    assertField("{\"channels\": [\"webhook\"]}", "webhooks");
    assertField("{\"channels\": [\"webhook\"], \"webhooks\": [\"ftp://x\"]}", "webhooks[0]");
    assertField("{\"smtp\": {\"host\": \"h\", \"from\": \"not an address\"}}", "smtp.from");
    assertField("{\"smtp\": {\"host\": \"h\", \"from\": \"a@b.c\", \"port\": 70000}}", "smtp.port");
    assertField("{\"chanels\": []}", "chanels");
    assertField("{\"smtp\": {\"host\": \"h\", \"from\": \"a@b.c\", \"addresses\": {\"zhangsan\": \"a@b.c\", "
        + "\"ZhangSan\": \"b@b.c\"}}}", "smtp.addresses.zhangsan");
    assertField("{\"smtp\": {\"host\": \"h\", \"from\": \"a@b.c\", \"addresses\": {\"zhang san\": \"a@b.c\"}}}",
        "smtp.addresses.zhang san");
    assertThat(Reminders.Config.parse("{}").channels()).isEmpty();
  }

  @Test
  void aPersonsAddressIsFoundHoweverTheFileSpellsTheirId(@TempDir Path dir) throws Exception {
    // before: the file's keys were compared with the directory's canonical IDs as written, so an address listed
    // under ZhangSan (or Ｚhangsan) was never used, and nothing said so
    try (ServedApi served = new ServedApi(dir, config("'dashboard'"))) {
      OpsEngine engine = served.host().engine();
      engine.faults().open("F-R", facts(), "zhangsan");
      Obligation duty = engine.faults().duties("F-R").get(0);
      Reminders.Config spelled = Reminders.Config.parse(("{'channels': ['email'], 'smtp': {'host': '127.0.0.1', "
          + "'port': " + mail.getSmtp().getPort() + ", 'from': 'opsbook@example.com', "
          + "'addresses': {'ZhangSan': 'zhangsan@example.com', 'Ｌｉsi': 'lisi@example.com'}}}").replace('\'', '"'));
      assertThat(spelled.smtp().orElseThrow().addresses()).containsOnlyKeys("zhangsan", "lisi");
      new Reminders(spelled, served.operability(), engine.clock(), engine.calendar().zone())
          .remind(duty, List.of(Person.builder().id("zhangsan").name("张三").addRoles(Role.ESC_DUTY).build()));
      assertThat(mail.getReceivedMessages()).hasSize(1);
      assertThat(List.of(mail.getReceivedMessages()[0].getAllRecipients()).toString())
          .contains("zhangsan@example.com").doesNotContain("lisi@example.com");
    }
  }

  @Test
  void theMailServerIsReachedOverTlsUnlessItIsARelayOnThisMachine() {
    Reminders.Smtp remote = Reminders.Config.parse("{\"smtp\": {\"host\": \"192.0.2.10\", \"from\": \"a@b.c\"}}")
        .smtp().orElseThrow();
    assertThat(remote.security()).isEqualTo(Reminders.Security.STARTTLS);
    assertThat(remote.sessionProperties()).containsEntry("mail.smtp.starttls.required", "true")
        .containsEntry("mail.smtp.ssl.checkserveridentity", "true").containsEntry("mail.smtp.auth", "false");
    Reminders.Smtp smtps = Reminders.Config.parse("{\"smtp\": {\"host\": \"192.0.2.10\", \"from\": \"a@b.c\", "
        + "\"security\": \"smtps\"}}").smtp().orElseThrow();
    assertThat(smtps.port()).isEqualTo(465);
    assertThat(smtps.sessionProperties()).containsEntry("mail.transport.protocol", "smtps")
        .containsEntry("mail.smtps.port", "465");
    assertThat(Reminders.Config.parse("{\"smtp\": {\"host\": \"127.0.0.1\", \"from\": \"a@b.c\"}}").smtp()
        .orElseThrow().security()).as("a relay on this machine").isEqualTo(Reminders.Security.NONE);
    assertField("{\"smtp\": {\"host\": \"192.0.2.10\", \"from\": \"a@b.c\", \"security\": \"none\"}}",
        "smtp.security");
    assertField("{\"smtp\": {\"host\": \"192.0.2.10\", \"from\": \"a@b.c\", \"security\": \"ssl3\"}}",
        "smtp.security");
  }

  @Test
  void aRobotsUrlIsRefusedOverPlainHttpToAnotherMachineAndItsKeyIsNotRepeatedInTheError() {
    String first = "{\"channels\": [\"webhook\"], \"webhooks\": [\"https://a.example/x\", \"";
    for (String url : List.of("http://192.0.2.10/cgi-bin/webhook/send?key=S3CRET-ROBOT-KEY",
        "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=S3CRET-ROBOT-KEY extra",
        "https:///send?key=S3CRET-ROBOT-KEY", "ftp://192.0.2.10/send?key=S3CRET-ROBOT-KEY")) {
      assertThatThrownBy(() -> Reminders.Config.parse(first + url + "\"]}")).as(url)
          .isInstanceOf(InvalidInputException.class)
          .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("webhooks[1]"))
          .message().doesNotContain("S3CRET");
    }
    assertThat(Reminders.Config.parse(first.replace("https://a.example/x", "http://127.0.0.1:9/send?key=k")
        + "HTTPS://qyapi.weixin.qq.com/send?key=k\"]}").webhooks()).as("a robot on this machine, and https")
        .hasSize(2);
    assertThatThrownBy(() -> new Reminders.Config(Set.of("webhook"), Optional.empty(),
        List.of(URI.create("http://robot.example/send?key=k")))).as("built in code, not parsed")
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("webhooks[0]"));
  }

  @Test
  void theSenderSignsInWithAPasswordFromTheEnvironmentThatNoLogShows() throws Exception {
    String json = "{\"channels\": [\"email\"], \"smtp\": {\"host\": \"127.0.0.1\", \"port\": "
        + mail.getSmtp().getPort() + ", \"from\": \"opsbook@example.com\", \"to\": [\"room@example.com\"], "
        + "\"username\": \"room\", \"passwordEnv\": \"OPSBOOK_SMTP_PASSWORD\"}}";
    assertThatThrownBy(() -> Reminders.Config.parse(json, name -> null)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("smtp.passwordEnv"))
        .hasMessageContaining("OPSBOOK_SMTP_PASSWORD");
    assertField(json.replace(", \"passwordEnv\": \"OPSBOOK_SMTP_PASSWORD\"", ""), "smtp.passwordEnv");

    mail.setUser("room@example.com", "room", "s3cret-pw");
    Reminders.Config right = Reminders.Config.parse(json, name -> "s3cret-pw");
    assertThat(right.smtp().orElseThrow().toString()).contains("room").doesNotContain("s3cret-pw");
    Obligation duty = Obligation.builder().ruleId(RuleId.of("ESC-ROOM-01")).subjectId("F-M").actor(Role.ESC_DUTY)
        .target("室经理").channel(Channel.PHONE).action("report the fault").build();
    Operability metrics = new Operability();
    new Reminders(right, metrics, Clock.systemUTC(), ZoneId.of("Asia/Shanghai")).remind(duty, List.of());
    assertThat(mail.getReceivedMessages()).hasSize(1);

    Reminders wrong = new Reminders(Reminders.Config.parse(json, name -> "guessed"), metrics, Clock.systemUTC(),
        ZoneId.of("Asia/Shanghai"));
    assertThatThrownBy(() -> wrong.remind(duty, List.of()))
        .isInstanceOf(jakarta.mail.AuthenticationFailedException.class);
    assertThat(mail.getReceivedMessages()).as("nothing sent with a wrong password").hasSize(1);
  }

  private static void assertField(String json, String field) {
    assertThatThrownBy(() -> Reminders.Config.parse(json)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
  }

  private static FaultFacts facts() {
    return FaultFacts.builder().faultId("F-R").nature(FaultNature.SYSTEM).subjectName("BOSS")
        .faultStartTime(ServedApi.START).complaintCount(30).build();
  }
}
