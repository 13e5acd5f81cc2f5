package org.opsbook.core.spi;

import java.time.Instant;

/**
 * The gateway's acknowledgement of a message.
 *
 * @param gatewayId the gateway's own ID for the send
 * @param acceptedAt when it accepted the message
 * @param duplicate true when the gateway had already accepted this idempotency key and dropped the repeat
 */
public record SendReceipt(String gatewayId, Instant acceptedAt, boolean duplicate) {}
