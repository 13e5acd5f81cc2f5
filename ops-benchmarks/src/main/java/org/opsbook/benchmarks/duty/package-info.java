/**
 * JMH benchmarks of the obligations engine (not published): the cost of one fact change on a busy fault.
 */
package org.opsbook.benchmarks.duty;
