package com.sudamall.chat.realtime.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Bounds the work of socket handshakes: a few do theirs at once, a bounded number wait their turn, and past that
 * (or past the longest wait) a handshake is refused at once. A reconnect storm of tens of thousands of sockets
 * then queues at the door instead of piling up on the database pool, where it would starve the senders.
 */
@Component
class HandshakeGate {

    private final Semaphore turns;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int maxWaiting;
    private final long waitNanos;
    private final Counter refused;

    HandshakeGate(RealtimeProperties properties, MeterRegistry meters) {
        this.turns = new Semaphore(properties.handshakes(), true);
        this.maxWaiting = properties.handshakeQueue();
        this.waitNanos = properties.handshakeWait().toNanos();
        Gauge.builder("chat.realtime.handshakes.waiting", waiting, AtomicInteger::get)
                .description("Socket handshakes waiting for their turn")
                .register(meters);
        this.refused = Counter.builder("chat.realtime.handshakes.refused")
                .description("Socket handshakes refused with 503 (queue full or waited too long)")
                .register(meters);
    }

    /** Waits for a turn; false when the queue is full or the wait too long (the handshake is then refused). */
    boolean enter() {
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            refused.increment();
            return false;
        }
        try {
            boolean entered = turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
            if (!entered) {
                refused.increment();
            }
            return entered;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Gives the turn back; call once after each {@link #enter()} that returned true. */
    void leave() {
        turns.release();
    }
}
