/**
 * The JSON side of notifications (API): the {@code notify} command of the decision API, the codec of the
 * {@code message} object, and the codec that writes an SM-SMS instance's data into the workflow repository. Jackson
 * is used here and nowhere else in the module.
 */
@OpsStyle
package org.opsbook.notify.json;

import org.opsbook.core.OpsStyle;
