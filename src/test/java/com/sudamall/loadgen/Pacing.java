package com.sudamall.loadgen;

import java.util.concurrent.locks.LockSupport;

/** Spreads a stretch's calls evenly: the i-th of {@code rate × seconds} calls is due at start + i / rate. */
final class Pacing {

    /** One call, told its number and when it was due (latency counted from then includes any lateness). */
    interface Call {
        void at(long index, long dueNanos);
    }

    private Pacing() {}

    /** Makes the calls on time (late ones straight away) and returns how long that took, in nanoseconds. */
    static long run(double rate, double seconds, Call call) {
        long start = System.nanoTime();
        long interval = (long) (1e9 / rate);
        long total = (long) (rate * seconds);
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            call.at(i, due);
        }
        return System.nanoTime() - start;
    }
}
