/**
 * The "embed it" example: opsbook inside a host application as one complete class through
 * {@link org.opsbook.engine.OpsEngine}, as the README shows it.
 */
package org.opsbook.examples.embed;
