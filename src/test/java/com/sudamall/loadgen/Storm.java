package com.sudamall.loadgen;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The storm scenario: thousands of connected sockets dropped at once (as a load balancer restart or a network blip
 * does) while messages keep being sent over REST; every socket reconnects straight away with {@code ?after_seq=} of
 * the last message it saw. The report says how long until each socket had every message of its room sent before
 * it was back, and what was missed or doubled in the end.
 */
final class Storm {

    private static final int SENDERS = 8;
    private static final int CONNECT_BATCH = 200;
    private static final long MILLISECOND = 1_000_000;
    private static final long DRAIN_NANOS = 10_000_000_000L;
    private static final long GIVE_UP_NANOS = 60_000_000_000L;

    /** A room's sockets, and the numbers of the messages sent to it, in order of their acknowledgement. */
    private static final class StormRoom {
        final Room room;
        final List<LoadSocket> sockets = new ArrayList<>();
        final List<String> tokens = new ArrayList<>();
        private int[] acked = new int[64];
        private int count;

        StormRoom(Room room) {
            this.room = room;
        }

        synchronized void acked(int number) {
            if (count == acked.length) {
                acked = Arrays.copyOf(acked, count * 2);
            }
            acked[count++] = number;
        }

        synchronized int ackedCount() {
            return count;
        }

        synchronized int ackedAt(int index) {
            return acked[index];
        }
    }

    private final HttpClient http;
    private final ServerProcess server;
    private final Api api;
    private final List<StormRoom> rooms = new ArrayList<>();
    private final Ledger ledger = new Ledger();
    private final AtomicInteger numbers = new AtomicInteger();

    private Storm(HttpClient http, ServerProcess server, Api api) {
        this.http = http;
        this.server = server;
        this.api = api;
    }

    /** Opens {@code socketsPerMember} room sockets for every member of every room. */
    static Storm connect(HttpClient http, ServerProcess server, Api api, List<Room> rooms, int socketsPerMember) {
        Storm storm = new Storm(http, server, api);
        List<CompletableFuture<LoadSocket>> pending = new ArrayList<>();
        for (Room room : rooms) {
            StormRoom stormRoom = new StormRoom(room);
            storm.rooms.add(stormRoom);
            for (String token : room.tokens()) {
                for (int i = 0; i < socketsPerMember; i++) {
                    URI uri = URI.create(server.roomSocket(room.id(), token));
                    pending.add(LoadSocket.open(http, uri, () -> storm.ledger).thenApply(socket -> {
                        synchronized (stormRoom.sockets) {
                            stormRoom.sockets.add(socket);
                            stormRoom.tokens.add(token);
                        }
                        return socket;
                    }));
                }
            }
            LoadSocket.throttle(pending, CONNECT_BATCH);
        }
        LoadSocket.awaitAll(pending);
        return storm;
    }

    int socketCount() {
        return rooms.stream().mapToInt(r -> r.sockets.size()).sum();
    }

    /**
     * Sends {@code rate} messages a second for {@code beforeSeconds}, drops every socket, reconnects them all at
     * once while sending goes on, keeps sending for {@code afterSeconds}, then waits for the last deliveries.
     *
     * <p>The step's latency fields are catch-up times, one per socket, from the drop: until the socket had every
     * message of its room acknowledged before its new connection opened. {@code lost} is missed deliveries,
     * {@code duplicates} doubled ones.
     */
    Step run(String name, double rate, double beforeSeconds, double afterSeconds, Consumer<String> progress) {
        CpuWindow cpu = CpuWindow.open(server);
        long start = System.nanoTime();
        Thread sending = Thread.ofPlatform().name("storm-sender").start(() -> send(rate, beforeSeconds + afterSeconds));
        LockSupport.parkNanos((long) (beforeSeconds * 1e9));

        List<LoadSocket> all = new ArrayList<>();
        List<StormRoom> roomOf = new ArrayList<>();
        List<String> tokenOf = new ArrayList<>();
        for (StormRoom room : rooms) {
            all.addAll(room.sockets);
            tokenOf.addAll(room.tokens);
            room.sockets.forEach(socket -> roomOf.add(room));
        }
        long drop = System.nanoTime();
        all.forEach(LoadSocket::abort);
        int[] dueCount = new int[all.size()];
        long[] caughtUp = new long[all.size()];
        Arrays.fill(dueCount, -1);
        AtomicInteger failedReconnects = new AtomicInteger();
        Latencies reconnected = new Latencies(MILLISECOND);
        for (int i = 0; i < all.size(); i++) {
            int index = i;
            StormRoom room = roomOf.get(i);
            LoadSocket socket = all.get(i);
            reconnect(socket, room.room.id(), tokenOf.get(i), 3).whenComplete((ok, error) -> {
                if (error != null) {
                    failedReconnects.incrementAndGet();
                } else {
                    synchronized (dueCount) {
                        dueCount[index] = room.ackedCount();
                    }
                    reconnected.record(System.nanoTime() - drop);
                }
            });
        }
        // every 50 ms: which reconnected sockets now hold every message acknowledged before they were back
        int remaining = all.size();
        long giveUp = drop + GIVE_UP_NANOS;
        while (remaining > failedReconnects.get() && System.nanoTime() < giveUp) {
            LockSupport.parkNanos(50_000_000);
            long now = System.nanoTime();
            for (int i = 0; i < all.size(); i++) {
                int due;
                synchronized (dueCount) {
                    due = dueCount[i];
                }
                if (caughtUp[i] == 0 && due >= 0 && hasAll(all.get(i), roomOf.get(i), due)) {
                    caughtUp[i] = now - drop;
                    remaining--;
                }
            }
        }
        progress.accept(String.format(
                "storm on %s: reconnected p50 %.0f ms, max %.0f ms, %d failed",
                name, reconnected.percentileMillis(50), reconnected.maxMillis(), failedReconnects.get()));
        try {
            sending.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long sendingNanos = System.nanoTime() - start;
        long drainUntil = System.nanoTime() + DRAIN_NANOS;
        while (missed(all, roomOf) > 0 && System.nanoTime() < drainUntil) {
            LockSupport.parkNanos(100_000_000);
        }
        CpuWindow.Usage used = cpu.close();
        Latencies catchUp = new Latencies(MILLISECOND);
        for (long nanos : caughtUp) {
            catchUp.record(nanos == 0 ? GIVE_UP_NANOS : nanos);
        }
        long missed = missed(all, roomOf);
        long expected = rooms.stream()
                .mapToLong(r -> (long) r.ackedCount() * r.sockets.size())
                .sum();
        double window = sendingNanos / 1e9;
        long sent = rooms.stream().mapToLong(StormRoom::ackedCount).sum();
        return new Step(
                "storm",
                name,
                rate,
                sent,
                expected,
                expected - missed,
                missed,
                ledger.duplicates(),
                sent / window,
                (expected - missed) / window,
                catchUp.percentileMillis(50),
                catchUp.percentileMillis(90),
                catchUp.percentileMillis(99),
                catchUp.maxMillis(),
                used.serverSeconds() / Math.max(1, sent) * 1000,
                used.serverShare(),
                used.loadgenShare(),
                used.databaseShare(),
                used.redisShare());
    }

    /** Reconnects with the last seq the socket saw; a refused attempt is retried a second later. */
    private CompletableFuture<LoadSocket> reconnect(LoadSocket socket, String roomId, String token, int attempts) {
        URI uri = URI.create(server.roomSocket(roomId, token) + "&after_seq=" + socket.lastSeq());
        return socket.reconnect(http, uri).exceptionallyCompose(error -> {
            if (attempts <= 1) {
                return CompletableFuture.failedFuture(error);
            }
            return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS))
                    .thenCompose(ignored -> reconnect(socket, roomId, token, attempts - 1));
        });
    }

    private static boolean hasAll(LoadSocket socket, StormRoom room, int due) {
        for (int i = 0; i < due; i++) {
            if (!socket.hasSeen(room.ackedAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static long missed(List<LoadSocket> sockets, List<StormRoom> roomOf) {
        long missed = 0;
        for (int i = 0; i < sockets.size(); i++) {
            StormRoom room = roomOf.get(i);
            int count = room.ackedCount();
            for (int j = 0; j < count; j++) {
                if (!sockets.get(i).hasSeen(room.ackedAt(j))) {
                    missed++;
                }
            }
        }
        return missed;
    }

    /** Sends over REST, round-robin over rooms and their members, from a few threads. */
    private void send(double rate, double seconds) {
        try (ExecutorService senders = Executors.newFixedThreadPool(SENDERS)) {
            Pacing.run(rate, seconds, (i, due) -> {
                StormRoom room = rooms.get((int) (i % rooms.size()));
                List<String> tokens = room.room.tokens();
                String token = tokens.get((int) ((i / rooms.size()) % tokens.size()));
                int number = numbers.getAndIncrement();
                senders.execute(() -> {
                    try {
                        api.send(token, room.room.id(), LoadSocket.content(number));
                        ledger.sent(room.sockets.size());
                        room.acked(number);
                    } catch (RuntimeException e) {
                        // not acknowledged: expected at no socket
                    }
                });
            });
        }
    }

    void close() {
        rooms.forEach(room -> room.sockets.forEach(LoadSocket::close));
    }
}
