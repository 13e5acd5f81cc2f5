package org.opsbook.examples.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsbook.core.Level;
import org.opsbook.core.Obligation;
import org.opsbook.core.Violation;
import org.opsbook.examples.http.Texts;

/**
 * The demo's narrative in one language: its phrases from the bundle {@code i18n/opsbook} (keys {@code demo.…},
 * {@link String#format} patterns), and in Chinese the role codes of the timeline ({@code 张三 (ESC_DUTY)}) as the
 * manual's posts ({@code 张三 (升级故障值班人员)}), the duties' actions and the refusals' summaries from the bundle
 * (English keeps the library's own texts). Immutable.
 */
final class Narrative {
  private static final Pattern ROLE = Pattern.compile("\\(([A-Z][A-Z0-9_]+)\\)");
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]+");

  private final ResourceBundle bundle;
  private final ResourceBundle english;
  private final boolean chinese;
  private final DateTimeFormatter day;

  Narrative(Locale lang) {
    this.bundle = Texts.bundle(lang);
    this.english = Texts.bundle(Locale.ENGLISH);
    this.chinese = lang.getLanguage().equals("zh");
    this.day = DateTimeFormatter.ofPattern(bundle.getString("demo.dayPattern"), chinese ? Locale.CHINA
        : Locale.ENGLISH);
  }

  /** Returns the phrase {@code key} with {@code args} filled in. */
  String text(String key, Object... args) {
    return String.format(Locale.ROOT, bundle.getString(key), args);
  }

  /** Returns {@code line} with its role codes as the manual's posts, in Chinese; unchanged in English. */
  String roles(String line) {
    if (!chinese) {
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

  /** Returns a day's header date: {@code Wed 25 Nov 2026}, {@code 2026年11月25日 星期三}. */
  String day(LocalDate d) {
    return day.format(d);
  }

  /** Returns a duration of whole hours or minutes: {@code 30 min}, {@code 2 h}. */
  String every(Duration d) {
    long m = d.toMinutes();
    return m % 60 == 0 ? text("demo.hours", m / 60) : text("demo.minutes", m);
  }

  /** Returns a duty's channel ({@code PHONE}) in the duty room's word for it, or its code when the bundle has none. */
  String channel(Object channel) {
    return word("channel." + channel, channel.toString());
  }

  /** Returns a fault level as the manual names it, with its code. */
  String level(Level l) {
    return text("demo.level." + l.name());
  }

  /**
   * Returns a unit or role a duty goes to: a person's label unchanged, a bare role code ({@code DUTY_LOG_WRITER}) as
   * the manual's post in Chinese.
   */
  String unit(String label) {
    return chinese && CODE.matcher(label).matches() ? word("role." + label, label) : label;
  }

  /**
   * Returns what a duty asks for: the library's text in English; in Chinese the bundle's {@code action.RULE…} entry
   * whose English text is the library's, or the library's text when the bundle has none.
   */
  String action(Obligation o) {
    if (!chinese) {
      return o.action();
    }
    String prefix = "action." + o.ruleId().value();
    for (String key : english.keySet()) {
      if ((key.equals(prefix) || key.startsWith(prefix + ".")) && english.getString(key).equals(o.action())
          && bundle.containsKey(key)) {
        return bundle.getString(key);
      }
    }
    return o.action();
  }

  /**
   * Returns why a step was refused: the library's messages in English; in Chinese each rule's ID with the bundle's
   * summary of it ({@code violation.RULE-ID}), or the library's message when the bundle has none.
   */
  String violations(List<Violation> violations) {
    List<String> m = new ArrayList<>();
    for (Violation v : violations) {
      String key = "violation." + v.ruleId().value();
      m.add(chinese && bundle.containsKey(key) ? v.ruleId().value() + " " + bundle.getString(key) : v.message());
    }
    return String.join(text("demo.separator"), new LinkedHashSet<>(m));
  }

  /** Returns the bundle's word for a code ({@code prefix + code}), or the code itself when the bundle has none. */
  String term(String prefix, Object code) {
    return word(prefix + code, code.toString());
  }

  private String word(String key, String otherwise) {
    return bundle.containsKey(key) ? bundle.getString(key) : otherwise;
  }
}
