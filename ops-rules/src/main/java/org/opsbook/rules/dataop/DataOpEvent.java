package org.opsbook.rules.dataop;

import org.opsbook.core.InvalidInputException;
import org.opsbook.core.internal.EventNames;

/**
 * The events of SM-DATAOP-MOD and SM-DATAOP-EXT, each with its public camelCase name as used by the decision API
 * ({@code submit}, {@code passReview} …). Each machine accepts its own subset.
 */
public enum DataOpEvent {
  /** Submit the ticket (MOD-T01, EXT-T01). */
  SUBMIT,
  /** 业务审批 (MOD-T02). */
  APPROVE_BUSINESS,
  /** Verify the requirement and estimate the effort (EXT-T02). */
  ASSESS,
  /** Put the script and the backup on the ticket (MOD-T03). */
  ATTACH_SCRIPT_AND_BACKUP,
  /** Put the extraction script on the ticket (EXT-T03). */
  ATTACH_SCRIPT,
  /** 技术审批 by the city processor (MOD-T04). */
  APPROVE_TECHNICAL,
  /** The city processor approves the extraction script (EXT-T04). */
  APPROVE_SCRIPT,
  /** Hand execution to a developer (MOD-T05). */
  ASSIGN_TO_DEVELOPER,
  /** The assigned developer states the impact (MOD-T14). */
  REPLY_IMPACT,
  /** The submitter consents to the developer's impact statement (MOD-T06). */
  CONSENT,
  /** Execute the modification (MOD-T07). */
  EXECUTE,
  /** Run the extraction (EXT-T05). */
  RUN,
  /** The reviewer passes the result (MOD-T08, EXT-T06). */
  PASS_REVIEW,
  /** The reviewer fails the result (MOD-T09, EXT-T07). */
  FAIL_REVIEW,
  /** A reworked modification script and backup (MOD-T10). */
  RESUBMIT_SCRIPT,
  /** A reworked extraction script (EXT-T07). */
  RESUBMIT,
  /** Deliver the extracted data (EXT-T08). */
  DELIVER,
  /** Tell the requester (MOD-T11, EXT-T09). */
  NOTIFY_REQUESTER,
  /** The requester confirms the result (MOD-T12, EXT-T10). */
  CONFIRM_BUSINESS,
  /** Withdraw before execution (MOD-T13, EXT-T11). */
  CANCEL;

  /** Returns the public name: the constant in lower camel case, e.g. {@code passReview}. */
  public String eventName() {
    return EventNames.of(this);
  }

  /**
   * Returns the event named {@code name}.
   *
   * @param path the JSON path of the name, for the error
   * @throws InvalidInputException when no event has that name
   */
  public static DataOpEvent fromName(String name, String path) {
    return EventNames.find(DataOpEvent.class, name)
        .orElseThrow(() -> new InvalidInputException(path, "unknown event '" + name + "'"));
  }
}
