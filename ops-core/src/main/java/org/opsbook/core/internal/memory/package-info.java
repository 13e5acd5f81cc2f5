/**
 * Internal: in-memory implementations of the storage ports, for the library's tests, simulations and the facade's
 * storage-free mode (not API). Each class is thread-safe (a single monitor per instance) and honours its port's
 * contract, including optimistic concurrency and atomic audit sealing; nothing survives the process.
 */
@OpsStyle
package org.opsbook.core.internal.memory;

import org.opsbook.core.internal.style.OpsStyle;
