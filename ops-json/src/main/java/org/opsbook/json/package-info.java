/**
 * The JSON decision API and the JSON forms of the stateful API (API): {@link org.opsbook.json.DecisionApi} (every
 * command through {@link org.opsbook.json.DecisionApi#standard()}), the error documents, the strict reader that names
 * the JSON path of any bad field, and {@link org.opsbook.json.StateJson}; the engine stores each workflow's instances
 * in the same forms, by itself. Every document is
 * described once, as a field table, in {@code org.opsbook.json.internal}. Jackson is used in this module and nowhere
 * else; domain types carry no JSON annotations.
 */
@OpsStyle
package org.opsbook.json;

import org.opsbook.core.internal.style.OpsStyle;
