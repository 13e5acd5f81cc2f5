package org.opsbook.rules.cutover;

import org.opsbook.core.InvalidInputException;

/** The events of SM-CUTOVER, each with its public camelCase name. */
public enum CutoverEvent {
  /** T01. */
  CREATE("create"),
  /** T02. */
  OWNER_REVIEW("ownerReview"),
  /** T03. */
  APPROVE_REPORT("approveReport"),
  /** T04. */
  APPLY_VIA_AMS("applyViaAms"),
  /** T05. */
  PROVINCE_DECISION("provinceDecision"),
  /** T06. */
  COUNTERSIGN("countersign"),
  /** T07. */
  PUBLISH_ANNOUNCEMENT("publishAnnouncement"),
  /** T08. */
  NOTIFY_STAKEHOLDERS("notifyStakeholders"),
  /** T09: the pre-cutover meeting. */
  PRE_MEETING("preMeeting"),
  /** T09: the owner arrives on site. */
  ARRIVE("arrive"),
  /** T09: the pre-cutover checklist. */
  PRE_CHECK("preCheck"),
  /** T10. */
  ORDER_START("orderStart"),
  /** T11. */
  COMPLETE_AND_POST_CHECK("completeAndPostCheck"),
  /** T12. */
  NOTIFY_CS_FOR_BUSINESS_TEST("notifyCsForBusinessTest"),
  /** T13. */
  INVOKE_EMERGENCY_PLAN("invokeEmergencyPlan"),
  /** T14. */
  ARCHIVE("archive"),
  /** T15: a customer complaint 客户服务中心 relayed during the cutover is put on the cutover (CUTOVER-20). */
  RELAY_COMPLAINT("relayComplaint"),
  /** T16: a relayed complaint was resolved (CUTOVER-20). */
  RESOLVE_COMPLAINT("resolveComplaint");

  private final String eventName;

  CutoverEvent(String eventName) {
    this.eventName = eventName;
  }

  /** Returns the public name, e.g. {@code applyViaAms}. */
  public String eventName() {
    return eventName;
  }

  /**
   * Returns the event named {@code name}.
   *
   * @throws InvalidInputException naming {@code path} when no event has that name
   */
  public static CutoverEvent fromName(String name, String path) {
    for (CutoverEvent e : values()) {
      if (e.eventName.equals(name)) {
        return e;
      }
    }
    throw new InvalidInputException(path, "unknown event '" + name + "'");
  }
}
