/**
 * The fault lifecycle's implementation (internal): SM-ESC's declared table and guards
 * ({@link org.opsbook.rules.internal.esc.EscWorkflow}) that decide each step of a fault's history and say what the
 * fold applies. Not API; library modules may use it, hosts and examples may not.
 */
@OpsStyle
package org.opsbook.rules.internal.esc;

import org.opsbook.core.internal.style.OpsStyle;
