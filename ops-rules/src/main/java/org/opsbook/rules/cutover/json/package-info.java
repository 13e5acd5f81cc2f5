/**
 * The JSON side of cutovers (API): the {@code cutover} command of the decision API and the codec that stores
 * cutovers through {@link org.opsbook.core.spi.WorkflowRepository}.
 */
@OpsStyle
package org.opsbook.rules.cutover.json;

import org.opsbook.core.OpsStyle;
