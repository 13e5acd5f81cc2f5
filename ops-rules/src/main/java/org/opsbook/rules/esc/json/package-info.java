/**
 * The JSON form of SM-ESC faults and event data (API), as the {@link org.opsbook.core.spi.WorkflowRepository}
 * stores them: {@link org.opsbook.rules.esc.json.EscCodec}, the {@link org.opsbook.core.machine.WorkflowCodec} of
 * {@link org.opsbook.rules.esc.EscWorkflow}. Jackson stays in this package.
 */
@OpsStyle
package org.opsbook.rules.esc.json;

import org.opsbook.core.OpsStyle;
