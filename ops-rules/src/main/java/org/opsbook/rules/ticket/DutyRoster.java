package org.opsbook.rules.ticket;

import java.time.LocalDate;
import java.util.Optional;
import org.opsbook.core.Role;

/**
 * The host's duty roster: who is on billing-declaration duty (当天值计费申告班) and on data-modification duty (当天值数据修改班)
 * on a date (TICKET-13, TICKET-14). Implementations are thread-safe.
 */
@FunctionalInterface
public interface DutyRoster {
  /**
   * Returns the ID of the person holding {@code duty} on {@code date}, if anyone does.
   *
   * @param duty {@link Role#BILLING_DECLARANT} or {@link Role#DATA_MOD_DUTY}
   */
  Optional<String> onDuty(Role duty, LocalDate date);
}
