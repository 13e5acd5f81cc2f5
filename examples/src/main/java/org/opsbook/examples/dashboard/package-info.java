/**
 * The operations dashboard that {@code ./opsbook serve} serves at {@code /} (internal to the examples): open faults
 * with their next duties, SMS messages to review, data-operation tickets and cutovers.
 */
package org.opsbook.examples.dashboard;
