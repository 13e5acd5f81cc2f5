package org.opsbook.rules.cutover;

import org.opsbook.core.InvalidInputException;
import org.opsbook.core.internal.EventNames;

/** The events of SM-CUTOVER, each with its public camelCase name. */
public enum CutoverEvent {
  /** T01. */
  CREATE,
  /** T02. */
  OWNER_REVIEW,
  /** T03. */
  APPROVE_REPORT,
  /** T04. */
  APPLY_VIA_AMS,
  /** T05. */
  PROVINCE_DECISION,
  /** T06. */
  COUNTERSIGN,
  /** T07. */
  PUBLISH_ANNOUNCEMENT,
  /** T08. */
  NOTIFY_STAKEHOLDERS,
  /** T09: the pre-cutover meeting. */
  PRE_MEETING,
  /** T09: the owner arrives on site. */
  ARRIVE,
  /** T09: the pre-cutover checklist. */
  PRE_CHECK,
  /** T10. */
  ORDER_START,
  /** T11. */
  COMPLETE_AND_POST_CHECK,
  /** T12. */
  NOTIFY_CS_FOR_BUSINESS_TEST,
  /** T13. */
  INVOKE_EMERGENCY_PLAN,
  /** T14. */
  ARCHIVE,
  /** T15: a customer complaint 客户服务中心 relayed during the cutover is put on the cutover (CUTOVER-20). */
  RELAY_COMPLAINT,
  /** T16: a relayed complaint was resolved (CUTOVER-20). */
  RESOLVE_COMPLAINT;

  /** Returns the public name: the constant in lower camel case, e.g. {@code applyViaAms}. */
  public String eventName() {
    return EventNames.of(this);
  }

  /**
   * Returns the event named {@code name}.
   *
   * @throws InvalidInputException naming {@code path} when no event has that name
   */
  public static CutoverEvent fromName(String name, String path) {
    return EventNames.find(CutoverEvent.class, name)
        .orElseThrow(() -> new InvalidInputException(path, "unknown event '" + name + "'"));
  }
}
