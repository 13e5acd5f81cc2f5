package org.opsbook.notify.workflow;

/**
 * What one {@link SmsDispatcher#drainOnce} did.
 *
 * @param reenqueued released messages found missing from the outbox (a crash between release and enqueue) and put
 *     back
 * @param claimed messages claimed from the outbox
 * @param sent messages the gateway accepted (including repeats it recognised by key)
 * @param failed messages whose send failed; they stay pending and are retried with back-off
 * @param refused messages not sent because they do not match an approved, released SM-SMS message
 */
public record DrainReport(int reenqueued, int claimed, int sent, int failed, int refused) {}
