/**
 * JMH benchmarks of opsbook beside its peers (not published). Each benchmark class documents how to run it.
 */
package org.opsbook.benchmarks;
