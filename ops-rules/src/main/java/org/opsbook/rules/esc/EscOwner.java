package org.opsbook.rules.esc;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opsbook.core.InvalidInputException;
import org.opsbook.core.Masking;

/**
 * Who owns a fault: a handler, A or B (ESC-HANDLE-01), and the person's actor ID.
 *
 * @param handler as which handler the person owns the fault
 * @param id the person's actor ID
 */
public record EscOwner(EscHandler handler, String id) {
  /** Validates the parts. */
  public EscOwner {
    checkNotNull(handler, "handler");
    checkNotNull(id, "id");
    if (id.isBlank()) {
      throw new InvalidInputException("ownerId", "ownerId must not be blank");
    }
  }

  @Override
  public String toString() {
    return handler + ":" + Masking.name(id);
  }
}
