package com.sudamall.chat.message.internal;

import com.sudamall.chat.message.MessageService.Sent;
import com.sudamall.chat.message.internal.BatchWriter.Send;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: concurrent sends share one transaction. Each room belongs to one lane (by its id's hash), and a lane
 * writes whatever queued up while its last transaction ran as the next batch, so a room's messages are numbered and
 * published in the order they came, and a quiet lane writes a lone send at once. A sender is answered only after
 * its batch committed: an acked message is durable.
 */
@Component
class WriteLanes implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WriteLanes.class);
    /**
     * The longest a send waits for its lane: past PostgreSQL's read timeout (30 s), so a lane stuck on a silent
     * connection answers its senders 503 instead of holding their sockets' frames forever.
     */
    private static final long ANSWER_WITHIN_SECONDS = 35;

    private final BatchWriter writer;
    private final TransactionTemplate transactions;
    private final List<Lane> lanes = new ArrayList<>();

    private final DistributionSummary batchSizes;
    private final Timer commits;
    private final Counter stored;

    WriteLanes(
            BatchWriter writer, TransactionTemplate transactions, MessageProperties properties, MeterRegistry meters) {
        this.writer = writer;
        this.transactions = transactions;
        this.batchSizes = DistributionSummary.builder("chat.messages.batch.size")
                .description("Sends written by one transaction (group commit)")
                .register(meters);
        this.stored = Counter.builder("chat.messages.stored")
                .description("Messages stored (their rate is the node's messages per second)")
                .register(meters);
        this.commits = Timer.builder("chat.messages.batch.duration")
                .description("Time to write and commit one batch of sends")
                .register(meters);
        for (int i = 0; i < properties.writeLanes(); i++) {
            lanes.add(new Lane(i, properties.maxBatch()));
        }
    }

    /** Writes the send and waits for its transaction to commit. */
    Sent write(Send send) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // The caller's transaction must hold the message too: write it here rather than in a lane's own.
            return writer.write(List.of(send)).getFirst();
        }
        Lane lane = lanes.get(Math.floorMod(send.room().id().hashCode(), lanes.size()));
        try {
            return lane.submit(send)
                    .orTimeout(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS)
                    .join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof TimeoutException) {
                // maybe written later: a retry with the same client_msg_id then finds it
                throw new TransientDataAccessResourceException("The message writer did not answer in time");
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        lanes.forEach(Lane::close);
        for (Lane lane : lanes) {
            lane.thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private record Waiting(Send send, CompletableFuture<Sent> outcome) {}

    private final class Lane {

        private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>(10_000);
        private final int maxBatch;
        private final Thread thread;
        private volatile boolean open = true;

        Lane(int index, int maxBatch) {
            this.maxBatch = maxBatch;
            this.thread =
                    Thread.ofPlatform().name("message-writer-" + index).daemon().start(this::run);
        }

        CompletableFuture<Sent> submit(Send send) {
            if (!open) {
                throw new IllegalStateException("The service is shutting down");
            }
            Waiting waiting = new Waiting(send, new CompletableFuture<>());
            try {
                queue.put(waiting);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while queueing a send", e);
            }
            if (!thread.isAlive()) {
                // queued after the lane stopped: nobody would write it (the timeout in write covers the last instant)
                failQueued(new IllegalStateException("The service is shutting down"));
            }
            return waiting.outcome();
        }

        void close() {
            open = false;
        }

        private void run() {
            List<Waiting> batch = new ArrayList<>(maxBatch);
            while (open || !queue.isEmpty()) {
                try {
                    Waiting first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    batchSizes.record(batch.size());
                    commits.record(() -> commit(batch));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (RuntimeException e) {
                    log.error("Message writer failed; its batch was answered with the error", e);
                    batch.forEach(waiting -> waiting.outcome().completeExceptionally(e));
                } finally {
                    batch.clear();
                }
            }
            failQueued(new IllegalStateException("The service is shutting down"));
        }

        /** Answers every send still queued with {@code failure}: none may wait for a lane that is gone. */
        private void failQueued(RuntimeException failure) {
            for (Waiting left = queue.poll(); left != null; left = queue.poll()) {
                left.outcome().completeExceptionally(failure);
            }
        }

        /**
         * Commits the batch in one transaction; if that fails, each send is retried in a transaction of its own, so
         * one failing send (a {@code client_msg_id} race with another node) fails nobody else.
         */
        private void commit(List<Waiting> batch) {
            AtomicReference<List<Sent>> outcomes = new AtomicReference<>();
            AtomicBoolean committed = new AtomicBoolean();
            try {
                transactions.executeWithoutResult(tx -> {
                    outcomes.set(writer.write(batch.stream().map(Waiting::send).toList()));
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            committed.set(status == STATUS_COMMITTED);
                        }
                    });
                });
            } catch (RuntimeException e) {
                if (committed.get()) {
                    // Stored: a listener that failed after the commit must not make us write the batch twice.
                    log.error("A listener failed after a batch of messages was committed", e);
                } else if (batch.size() > 1) {
                    batch.forEach(waiting -> commit(List.of(waiting)));
                    return;
                } else if (e instanceof DuplicateKeyException) {
                    // The other send committed first; written again, this one finds it and returns it.
                    retryAlone(batch.getFirst());
                    return;
                } else {
                    batch.getFirst().outcome().completeExceptionally(e);
                    return;
                }
            }
            for (int i = 0; i < batch.size(); i++) {
                Sent sent = outcomes.get().get(i);
                if (sent.isNew()) {
                    stored.increment();
                }
                batch.get(i).outcome().complete(sent);
            }
        }

        private void retryAlone(Waiting waiting) {
            try {
                Sent sent = transactions
                        .execute(tx -> writer.write(List.of(waiting.send())))
                        .getFirst();
                if (sent.isNew()) {
                    stored.increment();
                }
                waiting.outcome().complete(sent);
            } catch (RuntimeException e) {
                waiting.outcome().completeExceptionally(e);
            }
        }
    }
}
