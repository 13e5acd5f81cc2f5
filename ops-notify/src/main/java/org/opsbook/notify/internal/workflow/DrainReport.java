package org.opsbook.notify.internal.workflow;


/**
 * What one {@link SmsDispatcher#drainOnce} did.
 *
 * @param reenqueued released messages found missing from the outbox (a crash between release and enqueue) and put
 *     back
 * @param claimed messages claimed from the outbox
 * @param sent messages the gateway accepted (including repeats it recognised by key) and recorded as sent
 * @param failed messages whose send failed; they stay pending and are retried with back-off
 * @param refused messages not sent because they do not match an approved, released SM-SMS message
 * @param lost claims this dispatcher lost before acting on them (another dispatcher took the message over after
 *     this one stalled past its lease); never sent by this dispatcher
 * @param resent in-doubt messages sent again with the same key to a gateway that deduplicates
 * @param inDoubt messages in doubt after this round, waiting for a person (a gateway that does not deduplicate)
 */
public record DrainReport(int reenqueued, int claimed, int sent, int failed, int refused, int lost, int resent,
    int inDoubt) {}
