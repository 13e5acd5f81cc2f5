package org.opsbook.engine.internal;

import java.util.Optional;
import org.opsbook.core.internal.machine.Outcome;
import org.opsbook.engine.Result;

/** The one place where the families' result types become the engine's {@link Result}. */
final class Results {
  private Results() {}

  static <T> Result<T> of(Outcome<T> o) {
    return new Result<>(o.instance(), Optional.ofNullable(o.transitionId()), o.violations(), o.audit());
  }
}
