/**
 * API and SPI: the engine a host embeds. {@link org.opsbook.engine.OpsEngine} is built once over a database (or the
 * storage ports) with the host's {@link org.opsbook.core.spi.Directory}, SMS
 * {@link org.opsbook.core.spi.MessageGateway} and {@link org.opsbook.engine.DutyReminder}; it reaches the faults
 * ({@link org.opsbook.engine.Faults}), the SMS workflow ({@link org.opsbook.engine.Messages}), the data operations and
 * cutovers ({@link org.opsbook.engine.Workflows}) and BUGs ({@link org.opsbook.engine.Bugs}), and runs the duty timers
 * and the SMS outbox on its own threads, and checkpoints the audit heads. SPI: the
 * {@link org.opsbook.engine.DutyReminder}, {@link org.opsbook.engine.StorageErrorListener} and
 * {@link org.opsbook.engine.CheckpointSink} a host implements.
 */
package org.opsbook.engine;
