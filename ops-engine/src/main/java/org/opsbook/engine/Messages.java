package org.opsbook.engine;

import java.util.List;
import java.util.Optional;
import org.opsbook.core.Obligation;
import org.opsbook.core.Person;
import org.opsbook.core.spi.WorkflowRepository.TransitionRecord;
import org.opsbook.notify.MessageContent;
import org.opsbook.notify.SmsKey;
import org.opsbook.notify.SmsMessage;

/**
 * API: the SMS workflow (SM-SMS): plan the message a fault's NOTIFY-TRIG duty asks for, draft it from its template,
 * submit it for review, approve or reject it (NOTIFY-REVIEW-01/02), and release it through the 68284 desk. A released
 * message goes to the outbox; the engine's outbox loop (or {@link OpsEngine#runDueWork()}) sends it once through the
 * gateway and then records the sending in the fault's history, which discharges its NOTIFY-TRIG duty. The acting
 * person is named by ID and resolved in the directory; times come from the engine's clock. Thread-safe.
 */
public interface Messages {
  /**
   * Plans the message that {@code duty} (a NOTIFY-TRIG duty of a fault) asks for, with the fault's current facts.
   *
   * @throws org.opsbook.core.InvalidInputException naming {@code duty} when it asks for no SMS, or when the fault
   *     does not owe it now ({@link Faults#duties}): the engine plans from its own duty, by key
   */
  SmsMessage plan(Obligation duty);

  /** Drafts the text from the template; fields left empty are filled from the fault's facts. */
  Result<SmsMessage> draft(SmsKey key, String personId, MessageContent content);

  /** Submits the draft for review. */
  Result<SmsMessage> submit(SmsKey key, String personId);

  /** Approves exactly {@code reviewedText}, which must be the drafted text. */
  Result<SmsMessage> approve(SmsKey key, String personId, String reviewedText);

  /** Sends the draft back to its author with a reason. */
  Result<SmsMessage> reject(SmsKey key, String personId, String reason);

  /**
   * Mass-sends the approved text to the recipient classes the fault's current facts call for; a notification carries
   * the recorded briefing (NOTIFY-REVIEW-03). The message goes to the outbox.
   */
  Result<SmsMessage> release(SmsKey key, String personId);

  /** Returns the message, if planned. */
  Optional<SmsMessage> find(SmsKey key);

  /**
   * Returns the people the message reaches: once released, the people it was released to (looked up in the
   * directory, as the outbox sends it); before, whom it would reach if released now, its recipient classes (or, before
   * they are fixed, its base classes) resolved through the directory, each person once and each phone number once
   * (NOTIFY-RCPT-05..07). A host shows this before a mass send; the count is what the send will reach.
   *
   * @throws org.opsbook.core.InvalidInputException naming {@code key} when no message has it
   */
  List<Person> recipients(SmsKey key);

  /** Returns the messages of a fault. */
  List<SmsMessage> ofFault(String faultId);

  /** Returns every message, most recently updated first. */
  List<SmsMessage> list();

  /**
   * Returns the messages still in hand (required, drafted, in review or approved), most recently updated first; the
   * history of released ({@code SENT}) and superseded messages is not read.
   */
  List<SmsMessage> live();

  /**
   * Returns one page of the messages in the order of {@link #list}: at most {@code size}, after the message whose key
   * is {@code after} when given (the last message of the page before). A page costs its own rows, however long the
   * history.
   *
   * @throws org.opsbook.core.InvalidInputException naming {@code size} when it is not positive, or {@code after}
   *     when no message of that key is stored
   */
  List<SmsMessage> page(int size, Optional<SmsKey> after);

  /** Returns the message's transitions. */
  List<TransitionRecord> history(SmsKey key);

  /**
   * Returns the messages whose sending is in doubt, oldest first: an engine marked them as being sent and then
   * stopped (crashed, or stalled past its lease) before the gateway's answer was recorded, or the gateway failed
   * otherwise than by saying it did not take the message. A gateway that declares it deduplicates gets them again by
   * itself; with any other they wait, never resent unasked, for who sends the message (SM-SMS-T05: the 68284 desk, or
   * 地球村 for a reviewed draft of its own), who checks with the SMS platform and calls {@link #confirmSent} or
   * {@link #resend}.
   */
  List<SmsMessage> inDoubt();

  /**
   * Returns whether {@code personId} resolves the doubt of the message {@code key}, as {@link #confirmSent} and
   * {@link #resend} would let them: they send it (SM-SMS-T05), as the 68284 desk, or as 地球村 for a reviewed draft of
   * its own. For a page that offers the two answers only to who may give them.
   *
   * @throws org.opsbook.core.InvalidInputException naming {@code personId} when the person is not in the directory
   */
  boolean resolvesDoubt(SmsKey key, String personId);

  /**
   * Records that {@code personId}, who sends the message (the 68284 desk, or 地球村 for a reviewed draft of its own),
   * found on the SMS platform that the in-doubt message was delivered (in the message's audit stream, SM-SMS-T05), and
   * records the sending in the fault's history, which discharges its NOTIFY-TRIG duty.
   *
   * @return false when the message is not in doubt (nothing recorded)
   * @throws org.opsbook.core.InvalidInputException naming {@code personId} when the person is not in the directory,
   *     or does not send this message: holds neither the 68284 duty nor, for 地球村's own draft, its authorship
   *     (SM-SMS-T05)
   */
  boolean confirmSent(SmsKey key, String personId);

  /**
   * Records that {@code personId}, who sends the message, found on the SMS platform that the in-doubt message was not
   * delivered (in the message's audit stream) and releases it: the next outbox round sends it again.
   *
   * @return false when the message is not in doubt (nothing recorded)
   * @throws org.opsbook.core.InvalidInputException as {@link #confirmSent}
   */
  boolean resend(SmsKey key, String personId);
}
