/**
 * W1 (benchmarks.md): classification of threshold-rule facts by opsbook's internal {@code RuleTable} beside Drools,
 * Easy Rules and Evrete, and the hand-written floors. Internal: the benchmarks sit in the package they measure.
 */
package org.opsbook.rules.internal.classify;
