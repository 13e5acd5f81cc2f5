/**
 * Internal: the hash chain and its HMAC-anchored checkpoints that seal every audit stream (not API; the storage
 * adapters compute and verify them, hosts read {@link org.opsbook.core.spi.AuditLog.AuditVerification}).
 */
package org.opsbook.core.internal.audit;
