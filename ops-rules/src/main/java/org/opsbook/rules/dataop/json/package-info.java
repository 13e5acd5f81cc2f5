/**
 * The JSON side of data operations (API): the {@code dataop} and {@code extraction-window} commands of the
 * decision API, and the codec that stores data-operation tickets through the core
 * {@link org.opsbook.core.machine.WorkflowStore}. An operation no workflow governs (QUERY_ONLY, DATAOP-DEF-04; an
 * OTHER system the host leaves out, DATAOP-DEF-05) answers no steps.
 */
@OpsStyle
package org.opsbook.rules.dataop.json;

import org.opsbook.core.OpsStyle;
