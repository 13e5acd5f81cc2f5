/**
 * Fault classification (API), FAULT-CLASS-*: {@link org.opsbook.rules.classify.FaultClassifier} applies the L1 and L2
 * criteria of the manual as one ordered rule table; the highest level whose criteria match wins
 * (FAULT-CLASS-DEF-04), and the result names every rule that matched. The table itself is internal.
 */
@OpsStyle
package org.opsbook.rules.classify;

import org.opsbook.core.internal.style.OpsStyle;
