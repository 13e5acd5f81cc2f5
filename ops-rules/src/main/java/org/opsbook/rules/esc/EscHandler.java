package org.opsbook.rules.esc;

import java.util.Optional;
import org.opsbook.core.Actor;
import org.opsbook.core.Role;

/**
 * The two escalated-fault handlers who may own a fault (ESC-HANDLE-01, ESC-HANDLE-03): A, the primary, and B, who
 * stands in while A is away. Quote: 「当升级投诉处理员(A角)不在时,B角需要承担起A角的职责」.
 */
public enum EscHandler {
  /** 升级投诉处理员(A角): owns escalated faults by default (ESC-HANDLE-01). */
  A(Role.ESC_HANDLER_A),
  /** 升级投诉处理员(B角): owns a fault only while A is unavailable (ESC-HANDLE-03). */
  B(Role.ESC_HANDLER_B);

  private final Role role;

  EscHandler(Role role) {
    this.role = role;
  }

  /** Returns the role code of this handler. */
  public Role role() {
    return role;
  }

  /** Returns the other handler: the one an A↔B handover (ESC-HANDLE-04) passes the fault to. */
  public EscHandler other() {
    return this == A ? B : A;
  }

  /** Returns the handler {@code actor} is, A before B when the actor holds both roles; empty when neither. */
  public static Optional<EscHandler> of(Actor actor) {
    if (actor.roles().contains(Role.ESC_HANDLER_A)) {
      return Optional.of(A);
    }
    if (actor.roles().contains(Role.ESC_HANDLER_B)) {
      return Optional.of(B);
    }
    return Optional.empty();
  }
}
