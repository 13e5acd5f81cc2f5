package org.opsbook.examples.http.guard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;

/** The checks every request passes before a route sees it. Stateless. */
public final class RequestChecks {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  /** The start of a parameter: its separator and name, up to the {@code =} before its value. */
  private static final Pattern PARAMETER = Pattern.compile("[?&;]([^=&;?]*)=");
  /** A parameter name that says it may carry a secret, once decoded. */
  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(?:pass|pwd|token|secret|key|csrf|otp|auth"
      + "|credential|session|signature|密码|口令|验证码).*");
  /** How often a part of a URL is decoded at most, while that changes it. */
  private static final int MAX_DECODINGS = 3;

  private RequestChecks() {}

  /** Returns true for a method that may change state (anything but GET, HEAD and OPTIONS). */
  public static boolean changesState(String method) {
    return !SAFE_METHODS.contains(method);
  }

  /**
   * Refuses a request whose {@code Host} names another server (DNS rebinding): the host must be one of
   * {@code allowed} (lower case, IPv6 literals in brackets).
   */
  public static Optional<String> hostRefusal(String host, Set<String> allowed) {
    if (host == null || host.isEmpty()) {
      return Optional.of("the request names no Host");
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.contains(":") && !h.startsWith("[")) {
      h = "[" + h + "]";
    }
    return allowed.contains(h) ? Optional.empty()
        : Optional.of("Host '" + host + "' is not a name of this server; allowed: " + allowed);
  }

  /**
   * Refuses a state-changing request sent by another site: its {@code Origin} must be the server's own, or, when a
   * browser sends no Origin, {@code Sec-Fetch-Site} must say same-origin (or a typed URL). A request with neither
   * comes from a program, not a page, and passes (the session's CSRF token still guards signed-in routes).
   */
  public static Optional<String> originRefusal(String origin, String secFetchSite, String ownOrigin) {
    if (origin != null) {
      return origin.equalsIgnoreCase(ownOrigin) ? Optional.empty()
          : Optional.of("cross-origin request from " + origin + " refused; this server is " + ownOrigin);
    }
    if (secFetchSite != null && !secFetchSite.equals("same-origin") && !secFetchSite.equals("none")) {
      return Optional.of("cross-site request (Sec-Fetch-Site: " + secFetchSite + ") refused");
    }
    return Optional.empty();
  }

  /**
   * Returns a request target as the access log keeps it, from its {@code path} and {@code query} as sent
   * (percent-encoded; {@code query} null when there is none): the value of every parameter that may carry a secret is
   * {@code ***} ({@link #secretsMasked}), and every phone or ID-card number is masked as {@link Masking#phonesIn}
   * masks it in the path, and in each parameter's name and value, read as the server reads them: percent-decoded,
   * {@code +} as a space in the query, and decoded again while that changes them (a number sent twice encoded is still
   * a number). A part that holds a number is logged masked and percent-encoded again
   * ({@code phone=138+0013+8000 → phone=138%20****%208000}, {@code /%31%33%38… → /138****8000}); any other part is
   * logged as sent. A client may put a phone number in a URL however it likes; the access log keeps none.
   */
  public static String loggedTarget(String path, String query) {
    String target = secretsMasked(path + (query == null ? "" : "?" + query));
    int q = target.indexOf('?');
    String masked = numbersMasked(q < 0 ? target : target.substring(0, q), false);
    if (q < 0) {
      return masked;
    }
    StringBuilder out = new StringBuilder(target.length()).append(masked).append('?');
    int from = q + 1;
    while (from <= target.length()) {
      int amp = target.indexOf('&', from);
      String parameter = target.substring(from, amp < 0 ? target.length() : amp);
      int eq = parameter.indexOf('=');
      if (eq >= 0) {
        out.append(numbersMasked(parameter.substring(0, eq), true)).append('=')
            .append(numbersMasked(parameter.substring(eq + 1), true));
      } else {
        out.append(numbersMasked(parameter, true));
      }
      if (amp < 0) {
        break;
      }
      out.append('&');
      from = amp + 1;
    }
    return out.toString();
  }

  /**
   * Returns a request target with the value of every parameter that may carry a secret masked as {@code ***}: a name
   * holding {@code pass} ({@code password}, {@code passwd}, {@code passwort}, {@code passcode} …), {@code pwd},
   * {@code token}, {@code secret}, {@code key}, {@code csrf}, {@code otp}, {@code auth}, {@code credential},
   * {@code session}, {@code signature}, {@code 密码}, {@code 口令} or {@code 验证码}, in any case, once percent-decoded
   * ({@code p%61ssword}), after {@code ?}, {@code &} or {@code ;}. In the query the value runs to the next {@code &}
   * ({@code password=Top;Secret} is one value to the server); in the path, to the next {@code /} or {@code ?}. A
   * client may send a sign-in as GET, or a token in a URL; the access log keeps neither.
   */
  public static String secretsMasked(String target) {
    int query = target.indexOf('?');
    StringBuilder out = new StringBuilder(target.length());
    int copied = 0;
    Matcher m = PARAMETER.matcher(target);
    int from = 0;
    while (from < target.length() && m.find(from)) {
      int valueStart = m.end();
      if (!SECRET_NAME.matcher(decoded(m.group(1), true)).matches()) {
        from = valueStart;
        continue;
      }
      boolean inQuery = query >= 0 && m.start() >= query;
      int valueEnd = inQuery ? indexOrEnd(target, "&", valueStart) : indexOrEnd(target, "/?", valueStart);
      out.append(target, copied, valueStart).append("***");
      copied = valueEnd;
      from = valueEnd;
    }
    return out.append(target, copied, target.length()).toString();
  }

  /** The first index from {@code from} of one of {@code stops}, or the length of {@code s}. */
  private static int indexOrEnd(String s, String stops, int from) {
    for (int i = from; i < s.length(); i++) {
      if (stops.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }

  /** Masks the numbers of one part of a target, as sent; see {@link #loggedTarget}. */
  private static String numbersMasked(String part, boolean query) {
    String decoded = decoded(part, query);
    String masked = Masking.phonesIn(decoded);
    if (masked.equals(decoded)) {
      return Masking.phonesIn(part);
    }
    return Masking.phonesIn(encoded(masked, !query));
  }

  /**
   * A part of a URL as the server reads it, and as a second reading would: percent-escapes decoded as UTF-8 (a
   * malformed escape is kept as written), {@code +} as a space in the query, again while that changes it.
   */
  private static String decoded(String part, boolean query) {
    String s = part;
    for (int round = 0; round < MAX_DECODINGS; round++) {
      String next = decodedOnce(s, query && round == 0);
      if (next.equals(s)) {
        break;
      }
      s = next;
    }
    return s;
  }

  /** One percent-decoding of {@code s}, as UTF-8 (malformed bytes become U+FFFD); {@code +} as space if asked. */
  private static String decodedOnce(String s, boolean plusIsSpace) {
    if (s.indexOf('%') < 0 && !(plusIsSpace && s.indexOf('+') >= 0)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    byte[] bytes = new byte[s.length() / 3 + 1];
    int held = 0;
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      int hi = i + 2 < s.length() && c == '%' ? Character.digit(s.charAt(i + 1), 16) : -1;
      int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
      if (lo >= 0) {
        bytes[held++] = (byte) (hi << 4 | lo);
        i += 3;
        continue;
      }
      out.append(new String(bytes, 0, held, StandardCharsets.UTF_8));
      held = 0;
      out.append(plusIsSpace && c == '+' ? ' ' : c);
      i++;
    }
    return out.append(new String(bytes, 0, held, StandardCharsets.UTF_8)).toString();
  }

  /** Percent-encodes (UTF-8) all but letters, digits, {@code -._~*} and, in a path, {@code /}. */
  private static String encoded(String s, boolean path) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~*".indexOf(c) >= 0 || path && c == '/')) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }

  /** Decodes a body as strict UTF-8; an invalid byte sequence is invalid input naming its offset. */
  public static String utf8(byte[] body) {
    return OpsJson.utf8(body);
  }

  /**
   * Refuses a decision request carrying more than {@code maxEvents} events or {@code maxSteps} steps in any
   * {@code events} or {@code steps} array, naming the array. A body that is not JSON passes (the command says why).
   */
  public static void caps(String body, int maxEvents, int maxSteps) {
    if (!mayNameCappedArray(body)) {
      return;
    }
    JsonNode root;
    try {
      root = OpsJson.parse(body);
    } catch (InvalidInputException e) {
      return;
    }
    walk(root, "", Map.of("events", maxEvents, "steps", maxSteps));
  }

  /**
   * False when no key of {@code body} can be {@code events} or {@code steps}: a key spells its name either with
   * those letters or with an escape, so a body with neither word and no backslash names neither array, and is not
   * parsed a second time (the command parses it).
   */
  static boolean mayNameCappedArray(String body) {
    return body.indexOf('\\') >= 0 || body.contains("events") || body.contains("steps");
  }

  private static void walk(JsonNode node, String path, Map<String, Integer> caps) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        String p = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
        Integer cap = caps.get(f.getKey());
        if (cap != null && f.getValue().isArray() && f.getValue().size() > cap) {
          throw new InvalidInputException(p, "at most " + cap + " " + f.getKey() + " per request, found "
              + f.getValue().size());
        }
        walk(f.getValue(), p, caps);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), JsonFields.element(path, i), caps);
      }
    }
  }
}
