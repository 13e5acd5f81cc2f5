package org.opsbook.rules.dataop;

import org.opsbook.core.InvalidInputException;

/**
 * The events of SM-DATAOP-MOD and SM-DATAOP-EXT, each with its public camelCase name as used by the decision API
 * ({@code submit}, {@code passReview} …). Each machine accepts its own subset.
 */
public enum DataOpEvent {
  /** Submit the ticket (MOD-T01, EXT-T01). */
  SUBMIT("submit"),
  /** 业务审批 (MOD-T02). */
  APPROVE_BUSINESS("approveBusiness"),
  /** Verify the requirement and estimate the effort (EXT-T02). */
  ASSESS("assess"),
  /** Put the script and the backup on the ticket (MOD-T03). */
  ATTACH_SCRIPT_AND_BACKUP("attachScriptAndBackup"),
  /** Put the extraction script on the ticket (EXT-T03). */
  ATTACH_SCRIPT("attachScript"),
  /** 技术审批 by the city processor (MOD-T04). */
  APPROVE_TECHNICAL("approveTechnical"),
  /** The city processor approves the extraction script (EXT-T04). */
  APPROVE_SCRIPT("approveScript"),
  /** Hand execution to a developer (MOD-T05). */
  ASSIGN_TO_DEVELOPER("assignToDeveloper"),
  /** The assigned developer states the impact (MOD-T14). */
  REPLY_IMPACT("replyImpact"),
  /** The submitter consents to the developer's impact statement (MOD-T06). */
  CONSENT("consent"),
  /** Execute the modification (MOD-T07). */
  EXECUTE("execute"),
  /** Run the extraction (EXT-T05). */
  RUN("run"),
  /** The reviewer passes the result (MOD-T08, EXT-T06). */
  PASS_REVIEW("passReview"),
  /** The reviewer fails the result (MOD-T09, EXT-T07). */
  FAIL_REVIEW("failReview"),
  /** A reworked modification script and backup (MOD-T10). */
  RESUBMIT_SCRIPT("resubmitScript"),
  /** A reworked extraction script (EXT-T07). */
  RESUBMIT("resubmit"),
  /** Deliver the extracted data (EXT-T08). */
  DELIVER("deliver"),
  /** Tell the requester (MOD-T11, EXT-T09). */
  NOTIFY_REQUESTER("notifyRequester"),
  /** The requester confirms the result (MOD-T12, EXT-T10). */
  CONFIRM_BUSINESS("confirmBusiness"),
  /** Withdraw before execution (MOD-T13, EXT-T11). */
  CANCEL("cancel");

  private final String eventName;

  DataOpEvent(String eventName) {
    this.eventName = eventName;
  }

  /** Returns the public name, e.g. {@code passReview}. */
  public String eventName() {
    return eventName;
  }

  /**
   * Returns the event named {@code name}.
   *
   * @param path the JSON path of the name, for the error
   * @throws InvalidInputException when no event has that name
   */
  public static DataOpEvent fromName(String name, String path) {
    for (DataOpEvent e : values()) {
      if (e.eventName.equals(name)) {
        return e;
      }
    }
    throw new InvalidInputException(path, "unknown event '" + name + "'");
  }
}
