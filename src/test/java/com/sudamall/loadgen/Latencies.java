package com.sudamall.loadgen;

/**
 * Latencies in a million buckets: 10 µs wide by default (up to 10 s; longer ones count as 10 s), recorded from the
 * client threads. Exact enough for p50/p90/p99 and cheap to record: one array increment.
 */
final class Latencies {

    private static final int BUCKETS = 1_000_000;

    private final long bucketNanos;
    private final int[] counts = new int[BUCKETS];
    private long total;
    private long maxNanos;

    Latencies() {
        this(10_000);
    }

    /** Coarser buckets for longer times: 1 ms buckets reach 1,000 s. */
    Latencies(long bucketNanos) {
        this.bucketNanos = bucketNanos;
    }

    synchronized void record(long nanos) {
        int bucket = (int) Math.min(BUCKETS - 1, Math.max(0, nanos / bucketNanos));
        counts[bucket]++;
        total++;
        maxNanos = Math.max(maxNanos, nanos);
    }

    synchronized long count() {
        return total;
    }

    /** The latency below which {@code percent} of the samples fall, in milliseconds. */
    synchronized double percentileMillis(double percent) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(total * percent / 100.0);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return (i + 1) * bucketNanos / 1e6;
            }
        }
        return maxMillis();
    }

    synchronized double maxMillis() {
        return maxNanos / 1e6;
    }
}
