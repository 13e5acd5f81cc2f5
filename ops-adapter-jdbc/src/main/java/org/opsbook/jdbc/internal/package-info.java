/**
 * The JDBC adapter's internals (internal): the transaction runner, the two dialects and the repositories behind
 * {@link org.opsbook.jdbc.OpsJdbc}. Public only so the facade can build them; not an API.
 */
@OpsStyle
package org.opsbook.jdbc.internal;

import org.opsbook.core.internal.style.OpsStyle;
