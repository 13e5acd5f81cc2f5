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
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.core.Obligation;
import org.opsbook.core.Person;
import org.opsbook.core.PersonIds;
import org.opsbook.engine.DutyReminder;
import org.opsbook.examples.http.OpsHttpServer;
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
 * {@code POST {"msgtype": "text", "text": {"content": …}}}, the format 企业微信 and 钉钉 robots accept; each robot is
 * tried whatever the one before answered). A channel or robot that fails is logged and counted, and the reminder
 * fails, so that the engine retries it later; the retry goes only to the channels and robots that did not take it.
 * The engine may hand the same duty over twice: a reminder of one duty at one due time reaches each channel and robot
 * once (while this process runs; the feed keeps one entry per duty key). What is logged has phone numbers, names and
 * e-mail addresses masked. While a duty is reminded, its subject is in the SLF4J MDC under {@code faultId}.
 * Thread-safe.
 */
public final class Reminders implements DutyReminder {
  private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);
  private static final int FEED_SIZE = 200;
  private static final Set<String> CHANNELS = Set.of("dashboard", "email", "webhook");
  /** An e-mail address: its first character, the rest of its local part, and its domain. */
  private static final Pattern EMAIL_ADDRESS =
      Pattern.compile("(?<![\\w.%+-])([\\w.%+-])[\\w.%+-]*@([\\w-]+(?:\\.[\\w-]+)+)");

  /**
   * What {@code serve --reminders FILE} configures.
   *
   * @param channels the channels in use: {@code dashboard}, {@code email}, {@code webhook}
   * @param smtp the mail server, when {@code email} is in use
   * @param webhooks the robots' URLs, when {@code webhook} is in use
   * @param staleAfter how long past its due time a duty is still sent by e-mail and webhook: one overdue by more
   *     (after the server was down, say) goes to the dashboard's feed and the log only, so a restart does not flood
   *     the room's mailboxes and group chat with reminders of duties long missed (the duty ledger records them)
   */
  public record Config(Set<String> channels, Optional<Smtp> smtp, List<URI> webhooks, Duration staleAfter) {
    /** The default {@code staleAfter}: twelve hours. */
    public static final Duration STALE_AFTER = Duration.ofHours(12);

    /** Checks the channels have what they need. */
    public Config {
      channels = Set.copyOf(channels);
      webhooks = List.copyOf(webhooks);
      checkNotNull(staleAfter, "staleAfter");
      if (staleAfter.isNegative() || staleAfter.isZero()) {
        throw new InvalidInputException("staleAfter", "must be positive: " + staleAfter);
      }
      if (channels.contains("email") && smtp.isEmpty()) {
        throw new InvalidInputException("smtp", "the email channel needs smtp {host, port, from}");
      }
      if (channels.contains("webhook") && webhooks.isEmpty()) {
        throw new InvalidInputException("webhooks", "the webhook channel needs at least one URL");
      }
      for (int i = 0; i < webhooks.size(); i++) {
        checkWebhook(JsonFields.element("webhooks", i), webhooks.get(i));
      }
    }

    /**
     * Refuses a robot's URL that is not http(s) with a host, and plain http to another machine: a robot's URL holds
     * its key ({@code ?key=}, {@code ?access_token=}), and the reminders name people; over plain http both cross the
     * network in clear, as plain SMTP would. The URL is not repeated in the error, which a host logs.
     */
    private static void checkWebhook(String field, URI url) {
      checkNotNull(url, field);
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new InvalidInputException(field, "not an http(s) URL: its scheme is '" + scheme + "'");
      }
      if (url.getHost() == null) {
        throw new InvalidInputException(field, "the URL names no host");
      }
      if (scheme.equals("http") && !OpsHttpServer.isLoopback(url.getHost())) {
        throw new InvalidInputException(field, "plain http to " + url.getHost() + " would send the robot's key and "
            + "the reminders, with people's names, in clear: use https");
      }
    }

    /** A configuration with the default {@code staleAfter}. */
    public Config(Set<String> channels, Optional<Smtp> smtp, List<URI> webhooks) {
      this(channels, smtp, webhooks, STALE_AFTER);
    }

    /** The default: the dashboard's feed only. */
    public static Config dashboardOnly() {
      return new Config(Set.of("dashboard"), Optional.empty(), List.of());
    }

    /**
     * Reads {@code {"channels": [...], "staleAfter": "PT12H", "smtp": {"host", "port", "from", "to": [...], "addresses": {id: address},
     * "security", "username", "passwordEnv"}, "webhooks": [...]}}. {@code security} is {@code starttls} (the
     * default, required: the server must offer STARTTLS and its certificate must verify), {@code smtps} (TLS from
     * the first byte, port 465) or {@code none}, allowed only for a mail relay on a loopback address. With
     * {@code username}, the sender signs in with the password in the environment variable {@code passwordEnv}
     * names (the file holds no secret).
     *
     * @throws InvalidInputException naming the field that is wrong
     */
    public static Config parse(String json) {
      return parse(json, System::getenv);
    }

    /**
     * Reads the configuration as {@link #parse(String)} does, taking the SMTP password from {@code environment}
     * (the variable {@code smtp.passwordEnv} names).
     *
     * @throws InvalidInputException naming the field that is wrong
     */
    public static Config parse(String json, Function<String, String> environment) {
      JsonFields f = JsonFields.of(OpsJson.parse(json), "", Set.of("channels", "smtp", "webhooks", "staleAfter"));
      List<String> channels = f.strings("channels");
      for (int i = 0; i < channels.size(); i++) {
        if (!CHANNELS.contains(channels.get(i))) {
          throw new InvalidInputException(JsonFields.element("channels", i), "unknown channel '" + channels.get(i)
              + "'; expected one of " + CHANNELS.stream().sorted().toList());
        }
      }
      Optional<Smtp> smtp = f.optionalObject("smtp", Set.of("host", "port", "from", "to", "addresses", "security",
          "username", "passwordEnv")).map(s -> {
        String host = s.requiredString("host");
        Security security = s.string("security").map(v -> Security.parse(v, s.path("security")))
            .orElse(OpsHttpServer.isLoopback(host) ? Security.NONE : Security.STARTTLS);
        if (security == Security.NONE && !OpsHttpServer.isLoopback(host)) {
          throw new InvalidInputException(s.path("security"), "plain SMTP to " + host + " would send the reminders"
              + " and any password unencrypted; use starttls or smtps (none is for a relay on this machine)");
        }
        Optional<String> username = s.string("username");
        Optional<String> password = Optional.empty();
        if (username.isPresent()) {
          String variable = s.string("passwordEnv").orElseThrow(() -> new InvalidInputException(
              s.path("passwordEnv"), "username needs passwordEnv: the environment variable holding the password"));
          String value = environment.apply(variable);
          if (value == null || value.isEmpty()) {
            throw new InvalidInputException(s.path("passwordEnv"), "the environment variable " + variable
                + " is not set");
          }
          password = Optional.of(value);
        }
        int port = s.optionalInt("port", 1).orElse(security == Security.SMTPS ? 465 : 25);
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
        return new Smtp(host, port, address(s.node("from").orElse(null), s.path("from")), to, addresses, security,
            username, password);
      });
      List<String> urls = f.strings("webhooks");
      List<URI> webhooks = new ArrayList<>();
      for (int i = 0; i < urls.size(); i++) {
        try {
          webhooks.add(new URI(urls.get(i)));
        } catch (URISyntaxException e) {
          // the reason and index only: the URL holds the robot's key
          throw new InvalidInputException(JsonFields.element("webhooks", i), "not a URL: " + e.getReason()
              + " at index " + e.getIndex());
        }
      }
      Duration staleAfter = f.string("staleAfter").map(v -> {
        try {
          return Duration.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
          throw new InvalidInputException("staleAfter", "not an ISO-8601 duration (e.g. PT12H): " + v);
        }
      }).orElse(STALE_AFTER);
      return new Config(new LinkedHashSet<>(channels), smtp, webhooks, staleAfter);
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

  /** How the connection to the mail server is protected. */
  public enum Security {
    /** Plain SMTP: only for a relay on a loopback address. */
    NONE,
    /** STARTTLS, required: a server that does not offer it, or whose certificate does not verify, is refused. */
    STARTTLS,
    /** TLS from the first byte (SMTPS, port 465). */
    SMTPS;

    static Security parse(String value, String path) {
      for (Security s : values()) {
        if (s.name().equalsIgnoreCase(value)) {
          return s;
        }
      }
      throw new InvalidInputException(path, "unknown security '" + value + "'; expected starttls, smtps or none");
    }
  }

  /**
   * The mail server and who hears of a due duty by e-mail.
   *
   * @param to addresses that receive every reminder (the room's list)
   * @param addresses each person's address by person ID; an owing person with one gets the reminder too
   * @param username the account the sender signs in with, if the server asks for one
   * @param password its password (from the environment; never written to a log: {@link #toString} hides it)
   */
  public record Smtp(String host, int port, String from, List<String> to, Map<String, String> addresses,
      Security security, Optional<String> username, Optional<String> password) {
    /**
     * Copies the lists, and keys {@code addresses} by canonical person ID ({@link PersonIds#canonical}), the form the
     * directory names people by, so that an address listed under {@code ZhangSan} reaches {@code zhangsan}.
     *
     * @throws InvalidInputException naming {@code smtp.addresses.<key>} when a key is no person's ID, or names a
     *     person another key already names
     */
    public Smtp {
      to = List.copyOf(to);
      Map<String, String> byId = new java.util.TreeMap<>();
      Map<String, String> keyOf = new java.util.HashMap<>();
      for (Map.Entry<String, String> a : new java.util.TreeMap<>(addresses).entrySet()) {
        String field = "smtp.addresses." + a.getKey();
        String id = PersonIds.canonical(field, a.getKey());
        String before = keyOf.putIfAbsent(id, a.getKey());
        if (before != null) {
          throw new InvalidInputException(field, "names the person '" + id + "' whom '" + before + "' names too;"
              + " one person, one address");
        }
        byId.put(id, a.getValue());
      }
      addresses = Map.copyOf(byId);
      checkNotNull(security, "security");
      checkNotNull(username, "username");
      checkNotNull(password, "password");
    }

    /** A plain relay on this machine, without sign-in. */
    public Smtp(String host, int port, String from, List<String> to, Map<String, String> addresses) {
      this(host, port, from, to, addresses, Security.NONE, Optional.empty(), Optional.empty());
    }

    /** The JavaMail session properties for this server: timeouts, transport security and sign-in. */
    Properties sessionProperties() {
      String protocol = security == Security.SMTPS ? "smtps" : "smtp";
      Properties props = new Properties();
      props.put("mail.transport.protocol", protocol);
      props.put("mail." + protocol + ".host", host);
      props.put("mail." + protocol + ".port", Integer.toString(port));
      props.put("mail." + protocol + ".connectiontimeout", "5000");
      props.put("mail." + protocol + ".timeout", "10000");
      props.put("mail." + protocol + ".auth", Boolean.toString(username.isPresent()));
      if (security == Security.STARTTLS) {
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
      }
      if (security != Security.NONE) {
        props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
      }
      return props;
    }

    @Override
    public String toString() {
      return "Smtp[" + host + ":" + port + ", " + security + username.map(u -> ", as " + u).orElse("") + "]";
    }
  }

  private final Config config;
  private final Operability metrics;
  private final Clock clock;
  private final ZoneId zone;
  private final HttpClient http;
  private final Deque<ObjectNode> feed = new ArrayDeque<>();
  private final Set<String> fed = new LinkedHashSet<>();
  /** By reminder (duty key and due time), the channels and robots it arrived at; the latest reminders only. */
  private final Map<String, Set<String>> arrivals = new LinkedHashMap<>();
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
      Instant now = clock.instant();
      boolean stale = duty.dueAt().map(due -> due.plus(config.staleAfter()).isBefore(now)).orElse(false);
      if (stale) {
        LOG.info("{} {} fell due at {}, more than {} ago: on the dashboard only, not by e-mail or webhook",
            duty.ruleId(), duty.subjectId(), duty.dueAt().orElseThrow(), config.staleAfter());
      }
      // each reminder of a duty at its due time reaches each channel, and each robot, once: a retry (or the same
      // duty handed over again) goes only where it did not arrive
      String reminder = duty.key() + "@" + duty.dueAt().map(Instant::toString).orElse("-");
      List<Exception> failures = new ArrayList<>();
      for (String channel : List.of("dashboard", "email", "webhook")) {
        if (!config.channels().contains(channel)) {
          continue;
        }
        if (stale && !channel.equals("dashboard")) {
          metrics.stale(channel);
          continue;
        }
        int targets = channel.equals("webhook") ? config.webhooks().size() : 1;
        for (int i = 0; i < targets; i++) {
          String target = channel.equals("webhook") ? channel + "#" + i : channel;
          if (arrived(reminder, target)) {
            continue;
          }
          try {
            switch (channel) {
              case "dashboard" -> feed(duty, people, text);
              case "email" -> mail(duty, people, text);
              default -> webhook(config.webhooks().get(i), text);
            }
            arrive(reminder, target);
            metrics.reminded(channel, true);
          } catch (InterruptedException e) {
            // the engine is stopping: what did not arrive is retried after its next start
            Thread.currentThread().interrupt();
            throw e;
          } catch (Exception e) {
            metrics.reminded(channel, false);
            failures.add(e);
            LOG.warn("reminder of {} {} by {} failed: {}", duty.ruleId(), duty.subjectId(), channel,
                Masking.phonesIn(addressesMasked(String.valueOf(e))));
          }
        }
      }
      LOG.info("reminded {} {} to {} ({}) by {}", duty.ruleId(), duty.subjectId(),
          people.stream().map(p -> Masking.name(p.name())).toList(), duty.actor(), config.channels());
      if (!failures.isEmpty()) {
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
    Session session = Session.getInstance(smtp.sessionProperties());
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress(smtp.from()));
    for (String address : to) {
      m.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
    }
    m.setSubject("【值班提醒】" + duty.ruleId() + " " + duty.subjectId(), UTF_8.name());
    m.setText(text, UTF_8.name());
    m.saveChanges();
    try (Transport t = session.getTransport(smtp.security() == Security.SMTPS ? "smtps" : "smtp")) {
      t.connect(smtp.host(), smtp.port(), smtp.username().orElse(null), smtp.password().orElse(null));
      t.sendMessage(m, m.getAllRecipients());
    }
  }

  private static int errcode(String body) {
    try {
      JsonNode answer = OpsJson.parse(body);
      return answer.path("errcode").asInt(0);
    } catch (InvalidInputException notJson) {
      return 0;
    }
  }

  /**
   * Masks each e-mail address in {@code text} but its first letter and its domain ({@code z***@example.cn}): a mail
   * server's refusal quotes the addresses it refused, which name people.
   */
  static String addressesMasked(String text) {
    return EMAIL_ADDRESS.matcher(text).replaceAll("$1***@$2");
  }

  private synchronized boolean arrived(String reminder, String target) {
    return arrivals.getOrDefault(reminder, Set.of()).contains(target);
  }

  private synchronized void arrive(String reminder, String target) {
    arrivals.computeIfAbsent(reminder, r -> new HashSet<>()).add(target);
    while (arrivals.size() > FEED_SIZE * 4) {
      arrivals.remove(arrivals.keySet().iterator().next());
    }
  }

  private void webhook(URI url, String text) throws IOException, InterruptedException {
    ObjectNode body = OpsJson.object().put("msgtype", "text");
    body.putObject("text").put("content", text);
    String json = OpsJson.write(body);
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
