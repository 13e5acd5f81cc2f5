package org.opsbook.notify.workflow;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.List;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.opsbook.core.OpsException;
import org.opsbook.core.RuleId;
import org.opsbook.core.Violation;

/**
 * An SM-SMS event was refused: it carries the message key, the event and every failed guard with its rule and field
 * (for example NOTIFY-REVIEW-01 on {@code reviewer} when the author approves their own draft). Nothing was changed
 * and nothing was sent.
 */
public final class SmsRefusedException extends OpsException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final SmsEvent event;
  private final transient List<Violation> violations;

  /**
   * Creates the error.
   *
   * @param key the message key
   * @param event the refused event
   * @param violations the failed guards
   */
  public SmsRefusedException(String key, SmsEvent event, List<Violation> violations) {
    super(key + ": " + event.eventName() + " refused: " + violations.stream()
        .map(v -> v.ruleId() + v.field().map(f -> " [" + f + "]").orElse("") + " " + v.message())
        .collect(Collectors.joining("; ")));
    this.key = key;
    this.event = event;
    this.violations = ImmutableList.copyOf(violations);
  }

  /** Returns the message key. */
  public String key() {
    return key;
  }

  /** Returns the refused event. */
  public SmsEvent event() {
    return event;
  }

  /** Returns every failed guard. */
  public List<Violation> violations() {
    return violations;
  }

  /** Returns the IDs of the failed guards, sorted. */
  public SortedSet<RuleId> ruleIds() {
    ImmutableSortedSet.Builder<RuleId> b = ImmutableSortedSet.naturalOrder();
    violations.forEach(v -> b.add(v.ruleId()));
    return b.build();
  }
}
