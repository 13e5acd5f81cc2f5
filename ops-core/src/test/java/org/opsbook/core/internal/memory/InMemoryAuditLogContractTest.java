package org.opsbook.core.internal.memory;

import org.opsbook.core.spi.contract.AuditLogContract;
import org.opsbook.core.spi.contract.StorageFixture;

class InMemoryAuditLogContractTest extends AuditLogContract {
  @Override
  protected StorageFixture newFixture() {
    return new InMemoryStorage();
  }
}
