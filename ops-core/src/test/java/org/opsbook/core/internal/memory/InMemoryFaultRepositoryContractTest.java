package org.opsbook.core.internal.memory;

import org.opsbook.core.spi.contract.FaultRepositoryContract;
import org.opsbook.core.spi.contract.StorageFixture;

class InMemoryFaultRepositoryContractTest extends FaultRepositoryContract {
  @Override
  protected StorageFixture newFixture() {
    return new InMemoryStorage();
  }
}
