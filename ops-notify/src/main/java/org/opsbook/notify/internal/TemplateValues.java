package org.opsbook.notify.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;
import java.util.Optional;
import org.opsbook.core.InvalidInputException;
import org.opsbook.notify.MessageContent;
import org.opsbook.core.RuleId;

/**
 * The values that fill a template's placeholders, one slot per name of a {@link PlaceholderSet}. Every value is
 * checked when it is set: it must not be blank (a missing value is never rendered as a blank) and must not hold
 * 「*」, 「＊」, 「{」 or 「}」, so a rendered message can never look as if a placeholder were left unfilled
 * (NOTIFY-TPL-00). Immutable and thread-safe; build with {@link #builder(PlaceholderSet)}.
 */
final class TemplateValues {
  private static final RuleId TPL_00 = RuleId.of("NOTIFY-TPL-00");

  private final PlaceholderSet placeholders;
  private final String[] slots;

  private TemplateValues(PlaceholderSet placeholders, String[] slots) {
    this.placeholders = placeholders;
    this.slots = slots;
  }

  /** Returns a builder for values of {@code placeholders}. */
  public static Builder builder(PlaceholderSet placeholders) {
    return new Builder(checkNotNull(placeholders, "placeholders"));
  }

  /** Returns the placeholder set the values belong to. */
  public PlaceholderSet placeholders() {
    return placeholders;
  }

  /** Returns the value of {@code name}, if set. */
  public Optional<String> get(String name) {
    int s = placeholders.slotOf(name);
    return s < 0 ? Optional.empty() : Optional.ofNullable(slots[s]);
  }

  /** The raw slots, for the renderer; never exposed outside the package. */
  String slot(int slot) {
    return slots[slot];
  }

  /**
   * Checks that {@code value} may fill placeholder {@code name} (see {@link MessageContent#checkValue}).
   *
   * @throws InvalidInputException naming {@code name} and NOTIFY-TPL-00 otherwise
   */
  public static String checkValue(String name, String value) {
    return MessageContent.checkValue(name, value);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("TemplateValues{");
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] != null) {
        sb.append(sb.length() > 15 ? ", " : "").append(placeholders.nameAt(i)).append('=')
            .append(org.opsbook.core.Masking.phonesIn(slots[i]));
      }
    }
    return sb.append('}').toString();
  }

  /** Builds {@link TemplateValues}; not thread-safe. */
  public static final class Builder {
    private final PlaceholderSet placeholders;
    private final String[] slots;

    private Builder(PlaceholderSet placeholders) {
      this.placeholders = placeholders;
      this.slots = new String[placeholders.size()];
    }

    /**
     * Sets the value of placeholder {@code name}, replacing any earlier value.
     *
     * @throws InvalidInputException when the name is unknown or the value is blank or holds a placeholder mark
     */
    public Builder put(String name, String value) {
      int s = placeholders.slotOf(name);
      if (s < 0) {
        throw new InvalidInputException(name, "unknown placeholder; known: " + placeholders.names(), TPL_00);
      }
      slots[s] = checkValue(name, value);
      return this;
    }

    /** Sets {@code name} when {@code value} is present. */
    public Builder put(String name, Optional<String> value) {
      value.ifPresent(v -> put(name, v));
      return this;
    }

    /** Returns the values. */
    public TemplateValues build() {
      return new TemplateValues(placeholders, Arrays.copyOf(slots, slots.length));
    }
  }
}
