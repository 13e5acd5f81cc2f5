/** What the whole-process benchmarks share (internal): the embedded PostgreSQL and machine notes. */
package org.opsbook.benchmarks.support;
