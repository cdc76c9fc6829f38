package org.civic311.requests;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work once the transaction of a request event commits, for listeners of
 * {@link ServiceRequestChanged} and {@link ServiceRequestSubmitted} that tell live pages.
 */
public final class AfterCommit {

  private AfterCommit() {}

  /**
   * Runs after the surrounding transaction commits, or at once outside one. Not a
   * {@code @TransactionalEventListener}: Spring Modulith records every such listener's events in its
   * outbox, which cost each change an extra row and, for 64 reports at once, starved the connection
   * pool (the outbox bookkeeping asks for a second connection while the first is still held). A live
   * page that misses a push is right again at its next load, so it needs no outbox.
   */
  public static void run(Runnable work) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              work.run();
            }
          });
    } else {
      work.run();
    }
  }
}
