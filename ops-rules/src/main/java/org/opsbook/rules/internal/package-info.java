/**
 * Internal: helpers the rule packages share (not API; they may change without notice). Pure and stateless.
 */
@OpsStyle
package org.opsbook.rules.internal;

import org.opsbook.core.OpsStyle;
