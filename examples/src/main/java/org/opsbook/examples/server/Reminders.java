package org.opsbook.examples.server;

import static com.google.common.base.Preconditions.checkNotNull;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.Obligation;
import org.opsbook.core.Person;
import org.opsbook.engine.DutyReminder;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;
import org.opsbook.json.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The server's {@link DutyReminder}: a due duty is fanned out to the configured channels, each tried once per
 * reminder: {@code dashboard} (a feed the page polls at {@code GET /api/v1/reminders?after=N}), {@code email} (one
 * message over SMTP to the owing people's addresses and the room's list) and {@code webhook} (a group-chat robot:
 * {@code POST {"msgtype": "text", "text": {"content": …}}}, the format 企业微信 and 钉钉 robots accept). A channel that
 * fails is logged and counted; the reminder fails (and the engine retries it later) only when every channel failed.
 * The engine may hand the same duty over twice; the feed keeps one entry per duty key. What is logged has phone
 * numbers and names masked. While a duty is reminded, its subject is in the SLF4J MDC under {@code faultId}.
 * Thread-safe.
 */
public final class Reminders implements DutyReminder {
  private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);
  private static final int FEED_SIZE = 200;
  private static final Set<String> CHANNELS = Set.of("dashboard", "email", "webhook");

  /**
   * What {@code serve --reminders FILE} configures.
   *
   * @param channels the channels in use: {@code dashboard}, {@code email}, {@code webhook}
   * @param smtp the mail server, when {@code email} is in use
   * @param webhooks the robots' URLs, when {@code webhook} is in use
   */
  public record Config(Set<String> channels, Optional<Smtp> smtp, List<URI> webhooks) {
    /** Checks the channels have what they need. */
    public Config {
      channels = Set.copyOf(channels);
      webhooks = List.copyOf(webhooks);
      if (channels.contains("email") && smtp.isEmpty()) {
        throw new InvalidInputException("smtp", "the email channel needs smtp {host, port, from}");
      }
      if (channels.contains("webhook") && webhooks.isEmpty()) {
        throw new InvalidInputException("webhooks", "the webhook channel needs at least one URL");
      }
    }

    /** The default: the dashboard's feed only. */
    public static Config dashboardOnly() {
      return new Config(Set.of("dashboard"), Optional.empty(), List.of());
    }

    /**
     * Reads {@code {"channels": [...], "smtp": {"host", "port", "from", "to": [...], "addresses": {id: address}},
     * "webhooks": [...]}}.
     *
     * @throws InvalidInputException naming the field that is wrong
     */
    public static Config parse(String json) {
      JsonFields f = JsonFields.of(OpsJson.parse(json), "", Set.of("channels", "smtp", "webhooks"));
      List<String> channels = f.strings("channels");
      for (int i = 0; i < channels.size(); i++) {
        if (!CHANNELS.contains(channels.get(i))) {
          throw new InvalidInputException(JsonFields.element("channels", i), "unknown channel '" + channels.get(i)
              + "'; expected one of " + CHANNELS.stream().sorted().toList());
        }
      }
      Optional<Smtp> smtp = f.optionalObject("smtp", Set.of("host", "port", "from", "to", "addresses")).map(s -> {
        int port = s.optionalInt("port", 1).orElse(25);
        if (port > 65535) {
          throw new InvalidInputException(s.path("port"), "not a port: " + port);
        }
        Map<String, String> addresses = new java.util.TreeMap<>();
        s.node("addresses").ifPresent(a -> {
          if (!a.isObject()) {
            throw new InvalidInputException(s.path("addresses"), "expected an object {personId: address}");
          }
          a.properties().forEach(e -> addresses.put(e.getKey(), address(e.getValue(),
              s.path("addresses") + "." + e.getKey())));
        });
        List<String> to = s.strings("to");
        for (int i = 0; i < to.size(); i++) {
          address(OpsJson.mapper().getNodeFactory().textNode(to.get(i)), JsonFields.element(s.path("to"), i));
        }
        return new Smtp(s.requiredString("host"), port, address(s.node("from").orElse(null), s.path("from")), to,
            addresses);
      });
      List<String> urls = f.strings("webhooks");
      List<URI> webhooks = new ArrayList<>();
      for (int i = 0; i < urls.size(); i++) {
        try {
          URI u = URI.create(urls.get(i));
          if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
            throw new IllegalArgumentException("not http or https");
          }
          webhooks.add(u);
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException(JsonFields.element("webhooks", i), "not an http(s) URL: " + e.getMessage());
        }
      }
      return new Config(new LinkedHashSet<>(channels), smtp, webhooks);
    }

    /** Reads the file of {@code serve --reminders}. */
    public static Config read(Path file) throws IOException {
      return parse(Files.readString(file, UTF_8));
    }

    private static String address(JsonNode node, String path) {
      if (node == null || !node.isTextual()) {
        throw new InvalidInputException(path, "expected an e-mail address");
      }
      try {
        new InternetAddress(node.asText(), true);
        return node.asText();
      } catch (jakarta.mail.internet.AddressException e) {
        throw new InvalidInputException(path, "not an e-mail address: " + e.getMessage());
      }
    }
  }

  /**
   * The mail server and who hears of a due duty by e-mail.
   *
   * @param to addresses that receive every reminder (the room's list)
   * @param addresses each person's address by person ID; an owing person with one gets the reminder too
   */
  public record Smtp(String host, int port, String from, List<String> to, Map<String, String> addresses) {
    /** Copies the lists. */
    public Smtp {
      to = List.copyOf(to);
      addresses = Map.copyOf(addresses);
    }
  }

  private final Config config;
  private final Operability metrics;
  private final Clock clock;
  private final ZoneId zone;
  private final HttpClient http;
  private final Deque<ObjectNode> feed = new ArrayDeque<>();
  private final Set<String> fed = new LinkedHashSet<>();
  private long sequence;

  /**
   * Creates the reminder.
   *
   * @param clock the engine's clock (when the reminder was given)
   * @param zone the zone of the times in the text
   */
  public Reminders(Config config, Operability metrics, Clock clock, ZoneId zone) {
    this.config = checkNotNull(config, "config");
    this.metrics = checkNotNull(metrics, "metrics");
    this.clock = checkNotNull(clock, "clock");
    this.zone = checkNotNull(zone, "zone");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Override
  public void remind(Obligation duty, List<Person> people) throws Exception {
    MDC.put(StateApi.MDC_FAULT, duty.subjectId());
    try {
      metrics.claimed(duty, clock.instant());
      String text = text(duty, people);
      List<Exception> failures = new ArrayList<>();
      int tried = 0;
      for (String channel : List.of("dashboard", "email", "webhook")) {
        if (!config.channels().contains(channel)) {
          continue;
        }
        tried++;
        try {
          switch (channel) {
            case "dashboard" -> feed(duty, people, text);
            case "email" -> mail(duty, people, text);
            default -> webhooks(text);
          }
          metrics.reminded(channel, true);
        } catch (Exception e) {
          metrics.reminded(channel, false);
          failures.add(e);
          LOG.warn("reminder of {} {} by {} failed: {}", duty.ruleId(), duty.subjectId(), channel,
              Masking.phonesIn(String.valueOf(e)));
        }
      }
      LOG.info("reminded {} {} to {} ({}) by {}", duty.ruleId(), duty.subjectId(),
          people.stream().map(p -> Masking.name(p.name())).toList(), duty.actor(), config.channels());
      if (tried > 0 && failures.size() == tried) {
        Exception first = failures.get(0);
        failures.subList(1, failures.size()).forEach(first::addSuppressed);
        throw first;
      }
    } finally {
      MDC.remove(StateApi.MDC_FAULT);
    }
  }

  /** The reminder's words: rule, subject, what is owed, to whom, by when, and who owes it. */
  String text(Obligation duty, List<Person> people) {
    String who = people.isEmpty() ? "（目录中无人担任 " + duty.actor() + "）"
        : people.stream().map(Person::name).collect(Collectors.joining("、"));
    return "【opsbook 值班提醒】" + duty.ruleId() + " " + duty.subjectId() + "：" + duty.action() + "（"
        + duty.actor() + " → " + duty.target() + "，" + duty.channel() + "）"
        + duty.dueAt().map(t -> "，应于 " + Timestamps.format(t, zone) + " 前完成").orElse("") + "。负责人：" + who;
  }

  private synchronized void feed(Obligation duty, List<Person> people, String text) {
    String key = duty.key().toString();
    if (!fed.add(key)) {
      return;
    }
    ObjectNode o = OpsJson.object().put("seq", ++sequence).put("ruleId", duty.ruleId().value())
        .put("subjectId", duty.subjectId()).put("actor", duty.actor().name()).put("text", text)
        .put("at", Timestamps.format(clock.instant(), zone));
    duty.dueAt().ifPresentOrElse(t -> o.put("dueAt", Timestamps.format(t, zone)), () -> o.putNull("dueAt"));
    ArrayNode ids = o.putArray("people");
    people.forEach(p -> ids.add(p.id()));
    feed.addLast(o);
    while (feed.size() > FEED_SIZE) {
      feed.removeFirst();
    }
    while (fed.size() > FEED_SIZE * 4) {
      fed.remove(fed.iterator().next());
    }
  }

  /** Returns the feed's entries after sequence number {@code after} (a text; not a number reads as 0), oldest first. */
  public synchronized ArrayNode feedAfter(String after) {
    long n;
    try {
      n = Long.parseLong(after);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("after", "not a sequence number: " + after);
    }
    ArrayNode a = OpsJson.array();
    feed.stream().filter(o -> o.get("seq").asLong() > n).forEach(o -> a.add(o.deepCopy()));
    return a;
  }

  private void mail(Obligation duty, List<Person> people, String text) throws MessagingException {
    Smtp smtp = config.smtp().orElseThrow();
    Set<String> to = new LinkedHashSet<>(smtp.to());
    people.forEach(p -> Optional.ofNullable(smtp.addresses().get(p.id())).ifPresent(to::add));
    if (to.isEmpty()) {
      return;
    }
    Properties props = new Properties();
    props.put("mail.smtp.host", smtp.host());
    props.put("mail.smtp.port", Integer.toString(smtp.port()));
    props.put("mail.smtp.connectiontimeout", "5000");
    props.put("mail.smtp.timeout", "10000");
    MimeMessage m = new MimeMessage(Session.getInstance(props));
    m.setFrom(new InternetAddress(smtp.from()));
    for (String address : to) {
      m.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
    }
    m.setSubject("【值班提醒】" + duty.ruleId() + " " + duty.subjectId(), UTF_8.name());
    m.setText(text, UTF_8.name());
    Transport.send(m);
  }

  private static int errcode(String body) {
    try {
      JsonNode answer = OpsJson.parse(body);
      return answer.path("errcode").asInt(0);
    } catch (InvalidInputException notJson) {
      return 0;
    }
  }

  private void webhooks(String text) throws IOException, InterruptedException {
    ObjectNode body = OpsJson.object().put("msgtype", "text");
    body.putObject("text").put("content", text);
    String json = OpsJson.write(body);
    for (URI url : config.webhooks()) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(json, UTF_8)).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
      if (r.statusCode() / 100 != 2) {
        throw new IOException("the robot at " + url.getHost() + " answered " + r.statusCode());
      }
      // both robots answer 200 with {"errcode": 0, "errmsg": "ok"}, and a non-zero errcode when they refuse
      int errcode = errcode(r.body());
      if (errcode != 0) {
        throw new IOException("the robot at " + url.getHost() + " refused the message: errcode " + errcode);
      }
    }
  }
}
