/**
 * Internal: the rule-table machinery behind {@link org.opsbook.rules.classify.FaultClassifier} (not API; it may
 * change without notice): the fact schema, criteria and comparisons, the compiled {@code RuleTable} and the L1/L2
 * classification table of the catalog (FAULT-CLASS-L1-*, FAULT-CLASS-L2-*). Immutable and thread-safe.
 */
@OpsStyle
package org.opsbook.rules.internal.classify;

import org.opsbook.core.internal.style.OpsStyle;
