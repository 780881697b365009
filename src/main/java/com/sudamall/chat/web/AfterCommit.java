package com.sudamall.chat.web;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work once the current transaction has committed, or at once outside a transaction: what live delivery (sockets,
 * the bus) needs after a write.
 *
 * <p>Live delivery uses this rather than {@code @TransactionalEventListener}: the event publication registry stores
 * a row for every after-commit listener of an event, and a lost socket frame is caught up by {@code resume}, so only
 * the side effects that must survive a crash (e-mail, webhooks) are registry listeners.
 */
public final class AfterCommit {

    private AfterCommit() {}

    public static void run(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                work.run();
            }
        });
    }
}
