/**
 * The {@code ./opsbook} command line: the JSON decision API on standard input and output, and the demo.
 */
package org.opsbook.examples.cli;
