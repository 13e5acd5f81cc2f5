/**
 * The JSON side of data operations (API): the {@code dataop} and {@code extraction-window} commands of the
 * decision API, and the codec that stores data-operation tickets through
 * {@link org.opsbook.core.spi.WorkflowRepository}.
 */
@OpsStyle
package org.opsbook.rules.dataop.json;

import org.opsbook.core.OpsStyle;
