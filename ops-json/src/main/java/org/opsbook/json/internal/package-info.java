/**
 * Internal: the JSON documents of the decision API and of stored workflow instances, each described once by a
 * field table ({@link org.opsbook.json.internal.Schema}) that drives reading, writing, the known-field list and the
 * errors, and the decision-API commands built on them. Used by the library modules only.
 */
@OpsStyle
package org.opsbook.json.internal;

import org.opsbook.core.internal.style.OpsStyle;
