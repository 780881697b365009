package com.sudamall.loadgen;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One client socket of the load: sends numbered messages and records every {@code message} frame it receives in
 * the {@link Ledger}. Frames are scanned, not parsed: the load generator shares the machine with the service and
 * must stay lean.
 */
final class LoadSocket {

    static final String MARK = "\"content\":\"lg:";

    private final Supplier<Ledger> ledger;
    private final BitSet seen = new BitSet();
    private final AtomicLong lastSeq = new AtomicLong();
    private final AtomicInteger frames = new AtomicInteger();
    private volatile CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile CompletableFuture<WebSocket> tail;
    private volatile WebSocket socket;

    private LoadSocket(Supplier<Ledger> ledger) {
        this.ledger = ledger;
    }

    /** Opens the socket; arrivals are recorded in whatever ledger {@code ledger} gives at the time. */
    static CompletableFuture<LoadSocket> open(HttpClient http, URI uri, Supplier<Ledger> ledger) {
        return new LoadSocket(ledger).connect(http, uri);
    }

    /**
     * Lets connects run a batch at a time while a scenario sets up: once {@code batch} are under way, waits for
     * them (a connect storm is the storm scenario's business, not a setup's).
     */
    static void throttle(List<CompletableFuture<LoadSocket>> pending, int batch) {
        if (pending.size() >= batch) {
            awaitAll(pending);
        }
    }

    /** Waits for every connect under way. */
    static void awaitAll(List<CompletableFuture<LoadSocket>> pending) {
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        pending.clear();
    }

    /**
     * A new connection for this socket after its last one dropped: the messages it has seen stay seen, so one
     * replayed twice counts as a duplicate.
     */
    CompletableFuture<LoadSocket> reconnect(HttpClient http, URI uri) {
        closed = new CompletableFuture<>();
        return connect(http, uri);
    }

    private CompletableFuture<LoadSocket> connect(HttpClient http, URI uri) {
        return http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(120))
                .buildAsync(uri, new Listener())
                .thenApply(ws -> {
                    socket = ws;
                    tail = CompletableFuture.completedFuture(ws);
                    return this;
                });
    }

    /** Whether message {@code number} has reached this socket. */
    boolean hasSeen(int number) {
        synchronized (seen) {
            return seen.get(number);
        }
    }

    /**
     * Sends message {@code number}, stamped with the time now; frames leave one after another. The stamp is hex after
     * a letter: a long run of decimal digits would be masked as a phone number by the content filters.
     */
    synchronized void send(int number, String roomId) {
        String frame = "{\"type\":\"text\",\"room_id\":\"" + roomId + "\",\"content\":\"" + content(number) + "\"}";
        tail = tail.thenCompose(ws -> ws.sendText(frame, true));
    }

    /** A load message's text: its number and the time it was sent. */
    static String content(int number) {
        return "lg:" + number + ":t" + Long.toHexString(System.nanoTime());
    }

    /** The last seq of a message this socket received (for resume). */
    long lastSeq() {
        return lastSeq.get();
    }

    int frames() {
        return frames.get();
    }

    CompletableFuture<Integer> closed() {
        return closed;
    }

    void abort() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    void close() {
        WebSocket ws = socket;
        if (ws != null && !ws.isOutputClosed()) {
            tail.thenCompose(w -> w.sendClose(WebSocket.NORMAL_CLOSURE, "done")).exceptionally(e -> null);
        }
    }

    private void receive(String frame) {
        frames.incrementAndGet();
        int at = frame.indexOf(MARK);
        if (at < 0 || !frame.startsWith("{\"type\":\"message\"")) {
            return;
        }
        int start = at + MARK.length();
        int colon = frame.indexOf(':', start);
        int end = frame.indexOf('"', colon);
        int number = Integer.parseInt(frame, start, colon, 10);
        long sentAt = Long.parseUnsignedLong(frame, colon + 2, end, 16);
        ledger.get().arrived(seen, number, sentAt);
        int seqAt = frame.indexOf("\"seq\":");
        if (seqAt > 0) {
            int seqEnd = seqAt + 6;
            while (seqEnd < frame.length() && Character.isDigit(frame.charAt(seqEnd))) {
                seqEnd++;
            }
            long seq = Long.parseLong(frame, seqAt + 6, seqEnd, 10);
            lastSeq.accumulateAndGet(seq, Math::max);
        }
    }

    private final class Listener extends TextListener {

        @Override
        void frame(String text) {
            receive(text);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
