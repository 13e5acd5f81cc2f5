/**
 * The JSON of the fault lifecycle (internal): {@link org.opsbook.rules.internal.esc.json.EscCodec} writes and reads a
 * step's recorded data, the {@code stepData} of its fault event, and writes lifecycles. Jackson stays in this
 * package. Not API.
 */
@OpsStyle
package org.opsbook.rules.internal.esc.json;

import org.opsbook.core.OpsStyle;
