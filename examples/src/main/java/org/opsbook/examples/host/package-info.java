/**
 * The example host (internal to the examples): opsbook's library wired over one database the way a BOSS tool
 * would wire it, shared by {@code ./opsbook demo} and {@code ./opsbook serve}. {@link org.opsbook.examples.host.OpsHost}
 * holds the storage, the fault duties, the SMS review and outbox, the data-operation and cutover workflows, the
 * directory of (fictional) people and the console SMS gateway.
 */
package org.opsbook.examples.host;
