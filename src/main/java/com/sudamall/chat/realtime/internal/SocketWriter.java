package com.sudamall.chat.realtime.internal;

import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * The outbound side of one socket: a bounded queue drained by a virtual thread, so whoever fans a frame out (a bus
 * thread, a request thread) only enqueues and never waits on a client's network. A socket whose queue passes its
 * byte limit, or whose current write has been stuck longer than the time limit, is too slow: its queue is dropped
 * and it is closed with 1008 while the room goes on.
 */
final class SocketWriter {

    // sockets dropped because their queue overflowed or a write stuck: the "outbound queue drops" of a node
    private static final AtomicLong SLOW_CLOSES = new AtomicLong();

    static long slowCloses() {
        return SLOW_CLOSES.get();
    }

    private static final Logger log = LoggerFactory.getLogger(SocketWriter.class);
    /** Writers block on the network; virtual threads make that cheap for tens of thousands of sockets. */
    private static final ExecutorService WRITERS = Executors.newVirtualThreadPerTaskExecutor();

    private static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final WebSocketSession raw;
    private final long maxQueuedBytes;
    private final long maxWriteNanos;
    private final Queue<Outgoing> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile long writeStartedAt;
    private volatile CloseStatus closeStatus = CloseStatus.NORMAL;

    SocketWriter(WebSocketSession raw, long maxQueuedBytes, long maxWriteNanos) {
        this.raw = raw;
        this.maxQueuedBytes = maxQueuedBytes;
        this.maxWriteNanos = maxWriteNanos;
        // Tomcat gives up a blocked write after this long (20 s by default): a client that stopped reading for
        // good is dropped after the send time limit, not later
        if (raw instanceof NativeWebSocketSession nativeSession) {
            Session container = nativeSession.getNativeSession(Session.class);
            if (container != null) {
                container.getUserProperties().put(BLOCKING_SEND_TIMEOUT, TimeUnit.NANOSECONDS.toMillis(maxWriteNanos));
            }
        }
    }

    /** A queued frame, and what to do once it is written (a message frame reports its delivery). */
    private record Outgoing(String frame, @Nullable Runnable written) {}

    /** Queues the frame; frames leave in the order they were queued. */
    void send(String frame) {
        send(frame, null);
    }

    /** Queues the frame; {@code written} runs once it has been written to the socket, on the writer's thread. */
    void send(String frame, @Nullable Runnable written) {
        if (closing.get()) {
            return;
        }
        // characters, not bytes: close enough for a limit, and free to compute
        long queued = queuedBytes.addAndGet(frame.length());
        if (queued > maxQueuedBytes || isWriteStuck()) {
            log.info("socket {} is too slow to read ({} chars queued): closing it", raw.getId(), queued);
            SLOW_CLOSES.incrementAndGet();
            close(CloseCode.TOO_SLOW.status("too slow to read"));
            return;
        }
        queue.add(new Outgoing(frame, written));
        if (draining.compareAndSet(false, true)) {
            WRITERS.execute(this::drain);
        }
    }

    /**
     * Drops what is queued and closes the socket, without waiting: the close frame goes out after a write in
     * progress (a client that reads again gets it; one that never does is dropped when that write times out).
     */
    void close(CloseStatus status) {
        if (closing.get()) {
            return;
        }
        closeStatus = status; // before the flag, which the writer reads it after
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        queue.clear();
        queuedBytes.set(0);
        if (draining.compareAndSet(false, true)) {
            WRITERS.execute(this::closeNow);
        }
    }

    boolean isClosing() {
        return closing.get();
    }

    private boolean isWriteStuck() {
        long started = writeStartedAt;
        return started != 0 && System.nanoTime() - started > maxWriteNanos;
    }

    /** Runs while it holds the writer role ({@code draining}); only its holder writes or closes. */
    private void drain() {
        do {
            Outgoing next;
            while (!closing.get() && (next = queue.poll()) != null) {
                queuedBytes.addAndGet(-next.frame().length());
                if (write(next.frame()) && next.written() != null) {
                    next.written().run();
                }
            }
            if (closing.get()) {
                closeNow(); // keeps the role for good: nothing is written after the close
                return;
            }
            draining.set(false);
            // a frame queued, or a close asked, after the last check found the role taken: handle it here
        } while ((closing.get() || !queue.isEmpty()) && draining.compareAndSet(false, true));
    }

    private void closeNow() {
        try {
            raw.close(closeStatus);
        } catch (IOException | IllegalStateException e) {
            log.debug("socket {} close failed: {}", raw.getId(), e.getMessage());
        }
    }

    /** True when the frame went out. */
    private boolean write(String frame) {
        writeStartedAt = System.nanoTime();
        try {
            raw.sendMessage(new TextMessage(frame));
            return true;
        } catch (IOException | IllegalStateException e) {
            log.debug("socket {} write failed: {}", raw.getId(), e.getMessage());
            closeStatus = CloseStatus.SESSION_NOT_RELIABLE;
            closing.set(true);
            queue.clear();
            return false;
        } finally {
            writeStartedAt = 0;
        }
    }
}
