package com.sudamall.chat.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work once the current transaction has committed, or at once outside a transaction: what live delivery (sockets,
 * the bus) needs after a write.
 *
 * <p>Live delivery uses this rather than {@code @TransactionalEventListener}: the event publication registry stores
 * a row for every after-commit listener of an event, and a lost socket frame is caught up by {@code resume}, so only
 * the side effects that must survive a crash (e-mail, webhooks) are registry listeners. Like those listeners, the
 * work runs once the commit is complete, and a failure is logged without touching the other work or the caller,
 * whose transaction has committed.
 */
public final class AfterCommit {

    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

    private AfterCommit() {}

    public static void run(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    return;
                }
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("After-commit work failed", e);
                }
            }
        });
    }
}
