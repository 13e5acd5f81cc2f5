package org.opsbook.core.internal.memory;

import org.opsbook.core.spi.contract.WorkflowRepositoryContract;
import org.opsbook.core.spi.contract.StorageFixture;

class InMemoryWorkflowRepositoryContractTest extends WorkflowRepositoryContract {
  @Override
  protected StorageFixture newFixture() {
    return new InMemoryStorage();
  }
}
