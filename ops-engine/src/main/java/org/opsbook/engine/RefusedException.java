package org.opsbook.engine;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;
import org.opsbook.core.OpsException;
import org.opsbook.core.Violation;

/** Thrown by {@link Result#orThrow()} for a refused step; carries every violation with its rule and field. */
public final class RefusedException extends OpsException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  RefusedException(List<Violation> violations) {
    super("refused: " + violations.stream().map(v -> v.ruleId() + " " + v.message())
        .collect(Collectors.joining("; ")));
    this.violations = ImmutableList.copyOf(violations);
  }

  /** Returns the violations. */
  public List<Violation> violations() {
    return violations;
  }
}
