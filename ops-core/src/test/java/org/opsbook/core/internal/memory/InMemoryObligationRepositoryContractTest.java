package org.opsbook.core.internal.memory;

import org.opsbook.core.spi.contract.ObligationRepositoryContract;
import org.opsbook.core.spi.contract.StorageFixture;

class InMemoryObligationRepositoryContractTest extends ObligationRepositoryContract {
  @Override
  protected StorageFixture newFixture() {
    return new InMemoryStorage();
  }
}
