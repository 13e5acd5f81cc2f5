package org.opsbook.rules.bug;

import org.opsbook.core.InvalidInputException;
import org.opsbook.core.internal.EventNames;

/** The events of SM-BUG (rules-catalog §11.1), each with the name the catalog and the JSON documents use. */
public enum BugEvent {
  /** SM-BUG-T01. */
  RAISE_BUG,
  /** SM-BUG-T02 (BUG-03). */
  SUBMIT_AMS,
  /** SM-BUG-T03. */
  PROVINCE_ASSIGNED,
  /** SM-BUG-T04 (BUG-04, BUG-10). */
  PUBLISH_NOTICE,
  /** SM-BUG-T05 (BUG-05). */
  RAISE_COLLAB,
  /** SM-BUG-T06 (BUG-06/07). */
  ASSESS_IMPACT,
  /** SM-BUG-T07. */
  DEVELOPER_REPLIED,
  /** SM-BUG-T08 (BUG-09). */
  REJECT_ACCEPTANCE,
  /** SM-BUG-T09. */
  ACCEPT_AND_UPLOAD,
  /** SM-BUG-T10. */
  CLOSE_WEEKLY,
  /** SM-BUG-T11 (BUG-02/08). */
  WEEKLY_UPDATE,
  /** SM-BUG-T12 (BUG-13). */
  NEED_DATA_FIX,
  /**
   * BUG-06: the room manager was told of a BUG of large impact, to help push the fix (「应及时上报室经理请求协助推动解决」).
   * The catalog's table has no transition for it; without one the duty could only be lost.
   */
  REPORT_TO_ROOM_MANAGER;

  /** Returns the catalog's event name: the constant in lower camel case, e.g. {@code raiseBug}. */
  public String eventName() {
    return EventNames.of(this);
  }

  /**
   * Returns the event named {@code name}.
   *
   * @throws InvalidInputException naming {@code field} when no event has that name
   */
  public static BugEvent fromName(String name, String field) {
    return EventNames.find(BugEvent.class, name)
        .orElseThrow(() -> new InvalidInputException(field, "unknown SM-BUG event '" + name + "'"));
  }
}
