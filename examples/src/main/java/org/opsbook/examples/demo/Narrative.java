package org.opsbook.examples.demo;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsbook.examples.http.Texts;

/**
 * The demo's narrative in one language: its fixed phrases from the bundle {@code i18n/opsbook} (keys {@code demo.…},
 * {@link String#format} patterns), and in Chinese the role codes of the timeline ({@code 张三 (ESC_DUTY)}) as the
 * manual's posts ({@code 张三 (升级故障值班人员)}). Immutable.
 */
final class Narrative {
  private static final Pattern ROLE = Pattern.compile("\\(([A-Z][A-Z0-9_]+)\\)");

  private final ResourceBundle bundle;
  private final boolean posts;

  Narrative(Locale lang) {
    this.bundle = Texts.bundle(lang);
    this.posts = lang.getLanguage().equals("zh");
  }

  /** Returns the phrase {@code key} with {@code args} filled in. */
  String text(String key, Object... args) {
    return String.format(Locale.ROOT, bundle.getString(key), args);
  }

  /** Returns {@code line} with its role codes as the manual's posts, in Chinese; unchanged in English. */
  String roles(String line) {
    if (!posts) {
      return line;
    }
    Matcher m = ROLE.matcher(line);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = "role." + m.group(1);
      m.appendReplacement(out, Matcher.quoteReplacement(bundle.containsKey(key) ? "(" + bundle.getString(key) + ")"
          : m.group()));
    }
    return m.appendTail(out).toString();
  }
}
