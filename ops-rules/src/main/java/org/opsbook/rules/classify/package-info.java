/**
 * Fault classification (API), FAULT-CLASS-*: the L1 and L2 criteria of the manual as one ordered rule table;
 * the highest level whose criteria match wins (FAULT-CLASS-DEF-04), and the result names every rule that matched.
 */
@OpsStyle
package org.opsbook.rules.classify;

import org.opsbook.core.OpsStyle;
