/**
 * The obligations engine's and the fault lifecycle's implementation (internal): not API, may change without notice;
 * library modules may use it, hosts, examples and benchmarks of other packages may not. {@link
 * org.opsbook.rules.internal.duty.AppendMap} keeps a fault's duties so that folding its history is linear.
 */
@OpsStyle
package org.opsbook.rules.internal.duty;

import org.opsbook.core.internal.style.OpsStyle;
