package org.opsbook.rules.internal.catalog;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.List;
import java.util.Set;
import org.opsbook.core.RuleId;

/**
 * One rule of the registry.
 *
 * @param id the stable catalog ID
 * @param kinds what the rule does, never empty
 * @param source where the rule is in the manual ({@code §2.2.3.3 2、}); empty for rules the catalog proposes and
 *     for state-machine transitions
 * @param title a one-line English summary
 * @param manualWords the manual's own words, each passage verbatim (an ellipsis {@code …} marks an elision); empty
 *     when the rule is the catalog's proposal rather than the manual's text
 */
public record RuleEntry(RuleId id, Set<RuleKind> kinds, String source, String title, List<String> manualWords) {
  /** Copies the collections and checks that the entry names at least one kind and has a title. */
  public RuleEntry {
    checkNotNull(id, "id");
    kinds = ImmutableSet.copyOf(kinds);
    checkArgument(!kinds.isEmpty(), "kinds must not be empty: %s", id);
    checkNotNull(source, "source");
    checkNotNull(title, "title");
    checkArgument(!title.isBlank(), "title must not be blank: %s", id);
    manualWords = ImmutableList.copyOf(manualWords);
  }

  /** Whether the rule quotes the manual; {@code false} for proposals of the catalog and derived transitions. */
  public boolean quotesManual() {
    return !manualWords.isEmpty();
  }

  /**
   * The manual's words as one printable string, each passage in 「…」 and passages joined by {@code " / "}; empty
   * when the rule quotes nothing.
   */
  public String quote() {
    StringBuilder text = new StringBuilder();
    for (String passage : manualWords) {
      if (text.length() > 0) {
        text.append(" / ");
      }
      text.append('「').append(passage).append('」');
    }
    return text.toString();
  }
}
