/** W3: durable timers on PostgreSQL, opsbook's obligation engine beside db-scheduler (internal). */
package org.opsbook.benchmarks.timers;
