/**
 * Internal: helpers the rule packages share (not API; they may change without notice): the input checks and the
 * audit evidence format of the declared workflows. Pure and stateless.
 */
@OpsStyle
package org.opsbook.rules.internal;

import org.opsbook.core.internal.style.OpsStyle;
