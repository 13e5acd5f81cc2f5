/**
 * The "embed it" example: opsbook inside a host application in one plain Java method, as the README shows it.
 */
package org.opsbook.examples.embed;
