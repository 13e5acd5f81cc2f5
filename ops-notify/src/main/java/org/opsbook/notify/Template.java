package org.opsbook.notify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opsbook.core.InvalidInputException;
import org.opsbook.core.RuleId;

/**
 * A message template compiled once: literal text with named placeholders written {@code {name}}, each name taken
 * from one {@link PlaceholderSet}. Placeholder semantics follow NOTIFY-TPL-00: the text is checked when it is
 * loaded (an unknown name, an unbalanced brace or a bare 「*」 is an error) and when it is rendered (a missing value is
 * an {@link InvalidInputException} naming the placeholder and the template; nothing is ever rendered blank).
 *
 * <p>Rendering joins pre-split literals and values in one pass with one allocation for the result, so it costs
 * about what hand-written concatenation costs. Immutable and thread-safe.
 *
 * <pre>{@code
 * Template t = Template.compile(RuleId.of("HOST-TPL-01"), "{subject}故障跟进情况:{phenomenon} 。", names);
 * String text = t.render(values);
 * }</pre>
 */
public final class Template {
  private static final RuleId TPL_00 = RuleId.of("NOTIFY-TPL-00");

  private final RuleId id;
  private final String text;
  private final PlaceholderSet placeholders;
  private final String[] literals;
  private final int[] slots;
  private final ImmutableList<String> used;

  private Template(RuleId id, String text, PlaceholderSet placeholders, List<String> literals, List<Integer> slots) {
    this.id = id;
    this.text = text;
    this.placeholders = placeholders;
    this.literals = literals.toArray(new String[0]);
    this.slots = new int[slots.size()];
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < this.slots.length; i++) {
      this.slots[i] = slots.get(i);
      names.add(placeholders.nameAt(this.slots[i]));
    }
    this.used = ImmutableList.copyOf(names);
  }

  /**
   * Compiles {@code text}.
   *
   * @param id the template's ID, e.g. {@code NOTIFY-TPL-01} or a host's own {@code HOST-TPL-01}
   * @param text the parameterised text, placeholders written {@code {name}}
   * @param placeholders the names the text may use
   * @throws InvalidInputException naming {@code text} and NOTIFY-TPL-00 when the text is empty, uses an unknown
   *     name, has an unbalanced brace, or holds a bare 「*」 (an unconverted placeholder of the manual's notation)
   */
  public static Template compile(RuleId id, String text, PlaceholderSet placeholders) {
    checkNotNull(id, "id");
    checkNotNull(placeholders, "placeholders");
    if (text == null || text.isEmpty()) {
      throw new InvalidInputException("text", id + ": a template must not be empty", TPL_00);
    }
    List<String> literals = new ArrayList<>();
    List<Integer> slots = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '{') {
        int close = text.indexOf('}', i + 1);
        if (close < 0) {
          throw invalid(id, "unclosed '{' at index " + i);
        }
        String name = text.substring(i + 1, close);
        int slot = placeholders.slotOf(name);
        if (slot < 0) {
          throw invalid(id, "unknown placeholder {" + name + "} at index " + i + "; known: " + placeholders.names());
        }
        literals.add(literal.toString());
        literal.setLength(0);
        slots.add(slot);
        i = close + 1;
      } else if (c == '}') {
        throw invalid(id, "unopened '}' at index " + i);
      } else if (c == '*' || c == '＊') {
        throw invalid(id, "bare '" + c + "' at index " + i + ": write the placeholder as {name}");
      } else {
        literal.append(c);
        i++;
      }
    }
    literals.add(literal.toString());
    return new Template(id, text, placeholders, literals, slots);
  }

  private static InvalidInputException invalid(RuleId id, String why) {
    return new InvalidInputException("text", id + ": " + why, TPL_00);
  }

  /** Returns the template's ID. */
  public RuleId id() {
    return id;
  }

  /** Returns the parameterised text as loaded. */
  public String text() {
    return text;
  }

  /** Returns the placeholder set the template was compiled against. */
  public PlaceholderSet placeholders() {
    return placeholders;
  }

  /** Returns the distinct placeholder names the text uses, in order of first use; every one is required. */
  public List<String> usedPlaceholders() {
    return used;
  }

  /**
   * Renders the template: every placeholder is replaced by its value.
   *
   * @param values values of the same placeholder set
   * @return the text, with no placeholder left
   * @throws InvalidInputException naming the first placeholder without a value, with this template's ID
   */
  public String render(TemplateValues values) {
    checkArgument(values.placeholders() == placeholders, "values of %s cannot fill template %s of %s",
        values.placeholders(), id, placeholders);
    int n = slots.length;
    String[] parts = new String[2 * n + 1];
    for (int i = 0; i < n; i++) {
      String v = values.slot(slots[i]);
      if (v == null) {
        String name = placeholders.nameAt(slots[i]);
        throw new InvalidInputException(name, "missing value for placeholder {" + name + "} of " + id, id);
      }
      parts[2 * i] = literals[i];
      parts[2 * i + 1] = v;
    }
    parts[2 * n] = literals[n];
    return String.join("", parts);
  }

  @Override
  public String toString() {
    return "Template{" + id + ": " + text + "}";
  }
}
