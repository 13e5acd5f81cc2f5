/**
 * In-memory stand-ins a host may use (API): a {@link org.opsbook.core.memory.InMemoryDirectory} of people. The
 * in-memory storage ports and the recording SMS gateway of the library's own tests are internal
 * ({@code org.opsbook.core.internal.memory}); a host without a database gets the ports through the engine facade.
 */
@OpsStyle
package org.opsbook.core.memory;

import org.opsbook.core.internal.style.OpsStyle;
