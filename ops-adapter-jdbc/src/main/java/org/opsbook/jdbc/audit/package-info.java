/**
 * Audit exports (API): the SOX-style trail of data operations (DATAOP-MOD-18, 「业务审批-技术审批-执行-复核-定期审计」)
 * read from any {@link org.opsbook.core.spi.AuditLog}, verified, with personal data masked unless the caller has the
 * right.
 */
@OpsStyle
package org.opsbook.jdbc.audit;

import org.opsbook.core.internal.style.OpsStyle;
