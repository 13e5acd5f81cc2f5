/**
 * What {@code ./opsbook serve} runs beside the dashboard: the stateful JSON API under {@code /api/v1}, its OpenAPI
 * document, the reminder channels (dashboard feed, e-mail, group-chat robot), the Prometheus metrics and the health
 * check.
 */
package org.opsbook.examples.server;
