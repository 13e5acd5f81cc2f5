/**
 * The real 29-rule {@code FaultClassifier} (the public classification API) under JMH. The W1 comparison of the
 * internal {@code RuleTable} with other rule engines sits in {@code org.opsbook.rules.internal.classify}.
 */
package org.opsbook.benchmarks.classify;
