package org.opsbook.notify.internal;

import com.google.common.collect.ImmutableSortedSet;
import java.util.Collection;
import java.util.SortedSet;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.RuleId;

/**
 * Which recipient classes receive a message, and the NOTIFY-RCPT rules that decided it.
 *
 * @param classes the classes, in A, B, C, D order
 * @param ruleIds the rules that produced the set, sorted
 */
public record RecipientDecision(SortedSet<RecipientClass> classes, SortedSet<RuleId> ruleIds) {
  /** Copies the sets. */
  public RecipientDecision {
    classes = ImmutableSortedSet.copyOf(classes);
    ruleIds = ImmutableSortedSet.copyOf(ruleIds);
  }

  /** Returns the decision for {@code classes} under {@code ruleIds}. */
  public static RecipientDecision of(Collection<RecipientClass> classes, Collection<RuleId> ruleIds) {
    return new RecipientDecision(ImmutableSortedSet.copyOf(classes), ImmutableSortedSet.copyOf(ruleIds));
  }

  /** Returns true when class {@code c} receives the message. */
  public boolean includes(RecipientClass c) {
    return classes.contains(c);
  }
}
