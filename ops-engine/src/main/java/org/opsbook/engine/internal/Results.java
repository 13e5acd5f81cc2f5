package org.opsbook.engine.internal;

import java.util.List;
import java.util.Optional;
import org.opsbook.core.AuditEntry;
import org.opsbook.core.AuditRecord;
import org.opsbook.core.machine.Outcome;
import org.opsbook.engine.Result;
import org.opsbook.notify.workflow.SmsMessage;
import org.opsbook.notify.workflow.SmsStep;

/** The one place where the families' result types become the engine's {@link Result}. */
final class Results {
  private Results() {}

  static <T> Result<T> of(Outcome<T> o) {
    return new Result<>(o.instance(), Optional.ofNullable(o.transitionId()), o.violations(), o.audit());
  }

  static Result<SmsMessage> of(SmsStep step, List<AuditRecord> stream) {
    Optional<AuditEntry> audit = step.accepted() && !stream.isEmpty()
        ? Optional.of(stream.get(stream.size() - 1).entry()) : Optional.empty();
    return new Result<>(step.message(), Optional.empty(), step.violations(), audit);
  }
}
