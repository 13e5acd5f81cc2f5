package org.opsbook.examples.demo;

import org.opsbook.core.spi.MessageGateway.OutgoingMessage;

/**
 * One message the console gateway accepted during the replay, waiting to be printed under the step that sent it.
 *
 * @param message what was sent
 * @param gatewayId the gateway's ID for it
 */
record Delivery(OutgoingMessage message, String gatewayId) {}
