package com.sudamall.loadgen;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What was sent and what arrived. Every message has a number; each receiving socket keeps the numbers it has seen,
 * so a second arrival is a duplicate and an expected arrival that never came is lost.
 */
final class Ledger {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong expected = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final Latencies latencies = new Latencies();

    /** A message numbered for sending, expected at {@code recipients} sockets. */
    void sent(int recipients) {
        sent.incrementAndGet();
        expected.addAndGet(recipients);
    }

    /** A message frame reached a socket whose seen-set is {@code seen}. */
    void arrived(BitSet seen, int number, long sentAtNanos) {
        boolean duplicate;
        synchronized (seen) {
            duplicate = seen.get(number);
            seen.set(number);
        }
        if (duplicate) {
            duplicates.incrementAndGet();
            return;
        }
        delivered.incrementAndGet();
        latencies.record(System.nanoTime() - sentAtNanos);
    }

    long sent() {
        return sent.get();
    }

    long expected() {
        return expected.get();
    }

    long delivered() {
        return delivered.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long lost() {
        return Math.max(0, expected.get() - delivered.get());
    }

    Latencies latencies() {
        return latencies;
    }
}
