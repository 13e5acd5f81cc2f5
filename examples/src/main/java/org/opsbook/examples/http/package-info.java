/**
 * The HTTP face of the example host: the JSON decision API at {@code POST /v1/<command>} (same bodies and status
 * codes as the command line), served by Jetty.
 */
package org.opsbook.examples.http;
