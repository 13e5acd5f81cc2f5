package org.opsbook.core.internal.memory;

import org.opsbook.core.spi.contract.MessageOutboxContract;
import org.opsbook.core.spi.contract.StorageFixture;

class InMemoryMessageOutboxContractTest extends MessageOutboxContract {
  @Override
  protected StorageFixture newFixture() {
    return new InMemoryStorage();
  }
}
