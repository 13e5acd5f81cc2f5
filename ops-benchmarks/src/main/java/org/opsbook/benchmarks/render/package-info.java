/**
 * W4 of the benchmark protocol: rendering SMS texts with opsbook's strict templates beside the runtime template
 * engines a Java team would otherwise use, and beside hand-written concatenation (not published).
 */
package org.opsbook.benchmarks.render;
