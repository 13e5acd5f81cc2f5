/**
 * In-memory implementations of every port (API): for tests, simulations, and hosts that keep no state between
 * runs. Each class is thread-safe (a single monitor per instance) and honours its port's contract, including
 * optimistic concurrency and atomic audit sealing; nothing survives the process.
 */
@OpsStyle
package org.opsbook.core.memory;

import org.opsbook.core.internal.OpsStyle;
