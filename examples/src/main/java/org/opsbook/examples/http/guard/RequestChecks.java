package org.opsbook.examples.http.guard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.opsbook.core.InvalidInputException;
import org.opsbook.json.JsonFields;
import org.opsbook.json.OpsJson;

/** The checks every request passes before a route sees it. Stateless. */
public final class RequestChecks {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  /** A query parameter: its separator and name, and its value. */
  private static final Pattern PARAMETER = Pattern.compile("([?&;][^=&;?]*=)([^&;]*)");
  /** A parameter name that says it may carry a secret. */
  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(?:password|passwd|pwd|token|secret|key|csrf).*");

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
   * Returns a request target with the value of every query parameter that may carry a secret masked as {@code ***}:
   * a name holding {@code password}, {@code passwd}, {@code pwd}, {@code token}, {@code secret}, {@code key} or
   * {@code csrf}, in any case, once percent-decoded as the server decodes it ({@code p%61ssword}). A client may send a
   * sign-in as GET, or a token in a URL; the access log keeps neither.
   */
  public static String secretsMasked(String target) {
    return PARAMETER.matcher(target).replaceAll(m -> SECRET_NAME.matcher(decoded(m.group(1))).matches()
        ? Matcher.quoteReplacement(m.group(1)) + "***" : Matcher.quoteReplacement(m.group()));
  }

  /** A parameter name as the server reads it: percent-decoded ({@code p%61ssword} is {@code password}), + as space. */
  private static String decoded(String name) {
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return name; // a malformed escape: judged as written
    }
  }


  /** Decodes a body as strict UTF-8; an invalid byte sequence is invalid input naming its offset. */
  public static String utf8(byte[] body) {
    if (isAscii(body)) {
      // every byte below 0x80 is valid UTF-8 and decodes to the char of the same value
      return new String(body, StandardCharsets.US_ASCII);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (MalformedInputException e) {
      throw new InvalidInputException("", "the body is not valid UTF-8 (" + e.getInputLength()
          + " malformed byte(s))");
    } catch (CharacterCodingException e) {
      throw new InvalidInputException("", "the body is not valid UTF-8");
    }
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
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
