/**
 * The example host: opsbook's {@link org.opsbook.engine.OpsEngine} over one database the way a BOSS tool would embed
 * it, shared by {@code ./opsbook demo} and {@code ./opsbook serve}. {@link org.opsbook.examples.host.OpsHost} holds the
 * engine, the directory of (fictional) people, the console SMS gateway and the clock the host sets.
 */
package org.opsbook.examples.host;
