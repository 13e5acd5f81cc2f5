/**
 * The decision-API commands of the fault rules (API): {@code classify}, and the documents they read and write.
 */
@OpsStyle
package org.opsbook.rules.json;

import org.opsbook.core.OpsStyle;
