/**
 * The fault lifecycle (API), SM-ESC of rules-catalog §7.3 with the escalated-fault roles and intake rules
 * (ESC-HANDLE): {@link org.opsbook.rules.esc.EscWorkflow} is the declared state machine as a core
 * {@link org.opsbook.core.machine.Workflow} whose guards each name their rule — the AMS declaration of a
 * self-discovered fault (ESC-HANDLE-08), ownership by A and by B only while A is away (ESC-HANDLE-01/03), the
 * handover note (ESC-HANDLE-04), the province report and AMS dispatch (ESC-HANDLE-02), conclusive progress entries
 * (FAULT-GEN-08/09, ESC-REQ-12), the post-incident duties of an L1/L2 fault (ESC-REQ-10/11, REPORT-FMT-01) and the
 * monitor's interventions (ESC-HANDLE-05); {@link org.opsbook.rules.esc.EscService} stores it through the core
 * {@link org.opsbook.core.machine.WorkflowStore}, the path every declared workflow shares, with an audit entry per
 * accepted transition (stream {@code esc:<faultId>}). {@link org.opsbook.rules.esc.WorkQueue} orders faults for
 * handling (FAULT-GEN-02, ESC-HANDLE-06, ESC-REQ-01). The levels come from the classifier and the obligations
 * engine ({@link org.opsbook.rules.duty}); nothing here classifies on its own.
 */
@OpsStyle
package org.opsbook.rules.esc;

import org.opsbook.core.OpsStyle;
