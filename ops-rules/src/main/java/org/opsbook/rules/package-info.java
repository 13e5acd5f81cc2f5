/**
 * opsbook's rules (API): fault classification, the escalation ladder and recurring duties, report inclusion,
 * BUG-ticket rules, and the data-operation and cutover approval workflows. Every decision names the catalog rule
 * IDs that produced it. Pure: logic takes {@code now} and never reads a clock.
 */
@OpsStyle
package org.opsbook.rules;

import org.opsbook.core.OpsStyle;
