/**
 * In-memory stand-ins a host may use (API): a {@link org.opsbook.core.memory.InMemoryDirectory} of people and a
 * {@link org.opsbook.core.memory.RecordingMessageGateway} that keeps what it was asked to send, for demos and hosts'
 * tests. The in-memory storage ports are internal ({@code org.opsbook.core.internal.memory}); a host without a
 * database gets them through the engine facade.
 */
@OpsStyle
package org.opsbook.core.memory;

import org.opsbook.core.internal.style.OpsStyle;
