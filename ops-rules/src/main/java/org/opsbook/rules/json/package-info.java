/**
 * The decision-API commands of the fault rules (API): {@code classify} and {@code report}, the documents they read
 * and write, and the JSON form of the BUG workflow's stored data.
 */
@OpsStyle
package org.opsbook.rules.json;

import org.opsbook.core.OpsStyle;
