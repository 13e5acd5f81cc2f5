package org.opsbook.examples.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsbook.json.OpsJson;

/**
 * The page's words in Chinese (zh-CN, the default) and English, from the resource bundle {@code i18n/opsbook},
 * chosen by the browser's {@code Accept-Language}. Thread-safe.
 */
public final class Texts {
  /** The languages the page speaks, the first the default. */
  public static final List<Locale> LOCALES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z0-9_.]+)}}");

  private Texts() {}

  /** Returns the language for an {@code Accept-Language} header: the first of its ranges the page speaks. */
  public static Locale choose(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return LOCALES.get(0);
    }
    try {
      for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
        String lang = r.getRange().toLowerCase(Locale.ROOT);
        if (lang.startsWith("zh")) {
          return Locale.SIMPLIFIED_CHINESE;
        }
        if (lang.startsWith("en")) {
          return Locale.ENGLISH;
        }
      }
    } catch (IllegalArgumentException e) {
      // a malformed header: the default language
    }
    return LOCALES.get(0);
  }

  /** Returns the bundle of {@code locale}. */
  public static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle("i18n/opsbook", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** Returns the text of {@code key}. */
  public static String text(Locale locale, String key) {
    return bundle(locale).getString(key);
  }

  /** Replaces every {@code {{key}}} of an HTML template by the key's text, HTML-escaped. */
  public static String fill(String template, Locale locale) {
    ResourceBundle b = bundle(locale);
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      String v = key.equals("lang") ? locale.toLanguageTag() : key.equals("texts") ? json(b) : html(b.getString(key));
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Returns every text as a JSON object, safe inside a {@code <script type="application/json">} element. */
  private static String json(ResourceBundle b) {
    ObjectNode o = OpsJson.object();
    b.keySet().stream().sorted().forEach(k -> o.put(k, b.getString(k)));
    return OpsJson.write(o).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }

  /** Escapes text for HTML content and attribute values. */
  public static String html(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
