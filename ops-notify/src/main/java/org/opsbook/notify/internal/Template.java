package org.opsbook.notify.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.StringConcatException;
import java.lang.invoke.StringConcatFactory;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Rendering costs what hand-written concatenation costs: at load time the literals become the recipe of a
 * {@link StringConcatFactory} method handle, the same machinery {@code javac} uses for {@code a + b}, so a render
 * sizes the result once and copies each part once. Immutable and thread-safe.
 *
 * <pre>{@code
 * Template t = Template.compile(RuleId.of("HOST-TPL-01"), "{subject}故障跟进情况:{phenomenon} 。", names);
 * String text = t.render(values);
 * }</pre>
 */
final class Template {
  private static final RuleId TPL_00 = RuleId.of("NOTIFY-TPL-00");
  /** StringConcatFactory takes at most 200 argument slots; a longer template renders by {@link String#join}. */
  private static final int MAX_CONCAT_ARGS = 200;
  /** Up to this many placeholders the handle is called with its exact arity: a spread array costs a third more. */
  private static final int EXACT_ARITY = 16;

  private final RuleId id;
  private final String text;
  private final PlaceholderSet placeholders;
  private final String[] literals;
  private final int[] slots;
  private final ImmutableList<String> used;
  private final MethodHandle concat;
  private final MethodHandle spread;

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
    this.concat = concatenation(this.literals);
    this.spread = concat == null || this.slots.length <= EXACT_ARITY ? null
        : concat.asSpreader(String[].class, this.slots.length);
  }

  /**
   * Returns a handle {@code (String v0, …, String vn-1) -> String} that interleaves {@code literals} with the values,
   * or null when the template has no placeholder or too many for the factory.
   */
  private static MethodHandle concatenation(String[] literals) {
    int n = literals.length - 1;
    if (n == 0 || n > MAX_CONCAT_ARGS) {
      return null;
    }
    StringBuilder recipe = new StringBuilder();
    List<Object> constants = new ArrayList<>();
    for (int i = 0; i <= n; i++) {
      String lit = literals[i];
      if (lit.indexOf('\u0001') >= 0 || lit.indexOf('\u0002') >= 0) {
        recipe.append('\u0002');
        constants.add(lit);
      } else {
        recipe.append(lit);
      }
      if (i < n) {
        recipe.append('\u0001');
      }
    }
    Class<?>[] params = new Class<?>[n];
    Arrays.fill(params, String.class);
    try {
      return StringConcatFactory.makeConcatWithConstants(MethodHandles.lookup(), "render",
          MethodType.methodType(String.class, params), recipe.toString(), constants.toArray())
          .dynamicInvoker();
    } catch (StringConcatException e) {
      throw new IllegalStateException("cannot build the concatenation of a template", e);
    }
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
    if (n == 0) {
      return literals[0];
    }
    if (concat == null) {
      return joined(values);
    }
    try {
      return n <= EXACT_ARITY ? exact(values) : (String) spread.invokeExact(filled(values));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("rendering " + id + " failed", e);
    }
  }

  /** Calls the handle with its exact arity; arguments are evaluated, and so checked, left to right. */
  private String exact(TemplateValues v) throws Throwable {
    switch (slots.length) {
        case 1:
          return (String) concat.invokeExact(value(v, 0));
        case 2:
          return (String) concat.invokeExact(value(v, 0), value(v, 1));
        case 3:
          return (String) concat.invokeExact(value(v, 0), value(v, 1), value(v, 2));
        case 4:
          return (String) concat.invokeExact(value(v, 0), value(v, 1), value(v, 2), value(v, 3));
        case 5:
          return (String) concat.invokeExact(value(v, 0), value(v, 1), value(v, 2), value(v, 3), value(v, 4));
        case 6:
          return (String) concat.invokeExact(value(v, 0), value(v, 1), value(v, 2), value(v, 3), value(v, 4),
              value(v, 5));
        case 7:
          return (String) concat.invokeExact(value(v, 0), value(v, 1), value(v, 2), value(v, 3), value(v, 4),
              value(v, 5), value(v, 6));
        case 8:
          return (String) concat.invokeExact(value(v, 0), value(v, 1), value(v, 2), value(v, 3), value(v, 4),
              value(v, 5), value(v, 6), value(v, 7));
        case 9:
          return (String) concat.invokeExact(value(v, 0), value(v, 1), value(v, 2), value(v, 3), value(v, 4),
              value(v, 5), value(v, 6), value(v, 7), value(v, 8));
        case 10:
          return (String) concat.invokeExact(value(v, 0), value(v, 1), value(v, 2), value(v, 3), value(v, 4),
              value(v, 5), value(v, 6), value(v, 7), value(v, 8), value(v, 9));
        case 11:
          return (String) concat.invokeExact(value(v, 0), value(v, 1), value(v, 2), value(v, 3), value(v, 4),
              value(v, 5), value(v, 6), value(v, 7), value(v, 8), value(v, 9), value(v, 10));
        case 12:
          return (String) concat.invokeExact(value(v, 0), value(v, 1), value(v, 2), value(v, 3), value(v, 4),
              value(v, 5), value(v, 6), value(v, 7), value(v, 8), value(v, 9), value(v, 10), value(v, 11));
        case 13:
          return (String) concat.invokeExact(value(v, 0), value(v, 1), value(v, 2), value(v, 3), value(v, 4),
              value(v, 5), value(v, 6), value(v, 7), value(v, 8), value(v, 9), value(v, 10), value(v, 11),
              value(v, 12));
        case 14:
          return (String) concat.invokeExact(value(v, 0), value(v, 1), value(v, 2), value(v, 3), value(v, 4),
              value(v, 5), value(v, 6), value(v, 7), value(v, 8), value(v, 9), value(v, 10), value(v, 11),
              value(v, 12), value(v, 13));
        case 15:
          return (String) concat.invokeExact(value(v, 0), value(v, 1), value(v, 2), value(v, 3), value(v, 4),
              value(v, 5), value(v, 6), value(v, 7), value(v, 8), value(v, 9), value(v, 10), value(v, 11),
              value(v, 12), value(v, 13), value(v, 14));
        case 16:
          return (String) concat.invokeExact(value(v, 0), value(v, 1), value(v, 2), value(v, 3), value(v, 4),
              value(v, 5), value(v, 6), value(v, 7), value(v, 8), value(v, 9), value(v, 10), value(v, 11),
              value(v, 12), value(v, 13), value(v, 14), value(v, 15));
      default:
        throw new IllegalStateException("no exact call for " + slots.length + " placeholders");
    }
  }

  /** Returns the value of the {@code i}-th placeholder, or fails naming it: a placeholder is never rendered blank. */
  private String value(TemplateValues values, int i) {
    String v = values.slot(slots[i]);
    if (v == null) {
      String name = placeholders.nameAt(slots[i]);
      throw new InvalidInputException(name, "missing value for placeholder {" + name + "} of " + id, id);
    }
    return v;
  }

  private String[] filled(TemplateValues values) {
    String[] filled = new String[slots.length];
    for (int i = 0; i < filled.length; i++) {
      filled[i] = value(values, i);
    }
    return filled;
  }

  private String joined(TemplateValues values) {
    String[] filled = filled(values);
    String[] parts = new String[2 * filled.length + 1];
    for (int i = 0; i < filled.length; i++) {
      parts[2 * i] = literals[i];
      parts[2 * i + 1] = filled[i];
    }
    parts[2 * filled.length] = literals[filled.length];
    return String.join("", parts);
  }

  @Override
  public String toString() {
    return "Template{" + id + ": " + text + "}";
  }
}
