/**
 * Internal: the SM-SMS record's text format and the dispatcher's drain report (not API).
 */
@OpsStyle
package org.opsbook.notify.internal.workflow;

import org.opsbook.core.internal.style.OpsStyle;
