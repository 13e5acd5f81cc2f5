/**
 * W1 (benchmarks.md): classification of threshold-rule facts by opsbook's {@code RuleTable} beside Drools, Easy
 * Rules and Evrete, and the hand-written floors; plus the real 29-rule {@code FaultClassifier} (internal, not
 * published).
 */
package org.opsbook.benchmarks.classify;
