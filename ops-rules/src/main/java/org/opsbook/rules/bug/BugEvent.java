package org.opsbook.rules.bug;

import org.opsbook.core.InvalidInputException;

/** The events of SM-BUG (rules-catalog §11.1), each with the name the catalog and the JSON documents use. */
public enum BugEvent {
  /** SM-BUG-T01. */
  RAISE_BUG("raiseBug"),
  /** SM-BUG-T02 (BUG-03). */
  SUBMIT_AMS("submitAms"),
  /** SM-BUG-T03. */
  PROVINCE_ASSIGNED("provinceAssigned"),
  /** SM-BUG-T04 (BUG-04, BUG-10). */
  PUBLISH_NOTICE("publishNotice"),
  /** SM-BUG-T05 (BUG-05). */
  RAISE_COLLAB("raiseCollab"),
  /** SM-BUG-T06 (BUG-06/07). */
  ASSESS_IMPACT("assessImpact"),
  /** SM-BUG-T07. */
  DEVELOPER_REPLIED("developerReplied"),
  /** SM-BUG-T08 (BUG-09). */
  REJECT_ACCEPTANCE("rejectAcceptance"),
  /** SM-BUG-T09. */
  ACCEPT_AND_UPLOAD("acceptAndUpload"),
  /** SM-BUG-T10. */
  CLOSE_WEEKLY("closeWeekly"),
  /** SM-BUG-T11 (BUG-02/08). */
  WEEKLY_UPDATE("weeklyUpdate"),
  /** SM-BUG-T12 (BUG-13). */
  NEED_DATA_FIX("needDataFix");

  private final String eventName;

  BugEvent(String eventName) {
    this.eventName = eventName;
  }

  /** Returns the catalog's event name, e.g. {@code raiseBug}. */
  public String eventName() {
    return eventName;
  }

  /**
   * Returns the event named {@code name}.
   *
   * @throws InvalidInputException naming {@code field} when no event has that name
   */
  public static BugEvent fromName(String name, String field) {
    for (BugEvent e : values()) {
      if (e.eventName.equals(name)) {
        return e;
      }
    }
    throw new InvalidInputException(field, "unknown SM-BUG event '" + name + "'");
  }
}
