/**
 * The checks every request of the server passes (host, origin, body, caps), its sessions and its JSON error page.
 * Used by {@link org.opsbook.examples.http.OpsHttpServer} only.
 */
package org.opsbook.examples.http.guard;
