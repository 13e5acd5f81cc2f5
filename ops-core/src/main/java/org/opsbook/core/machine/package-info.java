/**
 * Declared state machines (API): a transition table of (state, event) → state, the roles that may fire each
 * transition, and guards that each name a rule. Deciding an event returns the new state, or a refusal listing every
 * failed guard; it never changes anything by itself. Used by the data-operation, cutover, BUG and SMS-review
 * workflows.
 */
@OpsStyle
package org.opsbook.core.machine;

import org.opsbook.core.OpsStyle;
