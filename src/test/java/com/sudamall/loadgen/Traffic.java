package com.sudamall.loadgen;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Connected rooms and the traffic through them: opens one socket per member, sends numbered messages at a target
 * rate (round-robin over rooms and senders), waits for the deliveries, and measures the step.
 */
final class Traffic implements AutoCloseable {

    private static final int CONNECT_BATCH = 200;
    private static final long DRAIN_NANOS = 5_000_000_000L;

    private final List<Room> rooms;
    private final List<List<LoadSocket>> sockets = new ArrayList<>();
    private final int sendersPerRoom;
    private final AtomicInteger numbers = new AtomicInteger();
    private Ledger ledger = new Ledger();

    private Traffic(List<Room> rooms, int sendersPerRoom) {
        this.rooms = rooms;
        this.sendersPerRoom = sendersPerRoom;
    }

    /** Connects every member of every room, a batch at a time. */
    static Traffic connect(HttpClient http, ServerProcess server, List<Room> rooms, int sendersPerRoom) {
        Traffic traffic = new Traffic(rooms, sendersPerRoom);
        List<CompletableFuture<LoadSocket>> pending = new ArrayList<>();
        for (Room room : rooms) {
            List<LoadSocket> members = new ArrayList<>();
            traffic.sockets.add(members);
            for (String token : room.tokens()) {
                URI uri = URI.create(server.roomSocket(room.id(), token));
                pending.add(LoadSocket.open(http, uri, traffic::ledger).thenApply(socket -> {
                    synchronized (members) {
                        members.add(socket);
                    }
                    return socket;
                }));
                LoadSocket.throttle(pending, CONNECT_BATCH);
            }
        }
        LoadSocket.awaitAll(pending);
        return traffic;
    }

    Ledger ledger() {
        return ledger;
    }

    int socketCount() {
        return sockets.stream().mapToInt(List::size).sum();
    }

    /** Steps of this traffic, as the scenario runs them. */
    Scenarios.Stretch at(String scenario, String server, ServerProcess target) {
        return (rate, seconds) -> run(scenario, server, target, rate, seconds);
    }

    /**
     * Sends at {@code rate} messages per second for {@code seconds}, waits for deliveries, and returns the step.
     */
    Step run(String scenario, String server, ServerProcess target, double rate, double seconds) {
        ledger = new Ledger();
        CpuWindow cpu = CpuWindow.open(target);
        long sendingNanos = Pacing.run(rate, seconds, (i, due) -> {
            int roomIndex = (int) (i % rooms.size());
            List<LoadSocket> members = sockets.get(roomIndex);
            LoadSocket sender = members.get((int) ((i / rooms.size()) % Math.min(sendersPerRoom, members.size())));
            ledger.sent(members.size());
            sender.send(numbers.getAndIncrement(), rooms.get(roomIndex).id());
        });
        long drainUntil = System.nanoTime() + DRAIN_NANOS;
        while (ledger.delivered() < ledger.expected() && System.nanoTime() < drainUntil) {
            LockSupport.parkNanos(20_000_000);
        }
        CpuWindow.Usage used = cpu.close();
        Latencies latencies = ledger.latencies();
        double window = sendingNanos / 1e9;
        return new Step(
                scenario,
                server,
                rate,
                ledger.sent(),
                ledger.expected(),
                ledger.delivered(),
                ledger.lost(),
                ledger.duplicates(),
                ledger.sent() / window,
                ledger.delivered() / window,
                latencies.percentileMillis(50),
                latencies.percentileMillis(90),
                latencies.percentileMillis(99),
                latencies.maxMillis(),
                used.serverSeconds() / Math.max(1, ledger.sent()) * 1000,
                used.serverShare(),
                used.loadgenShare(),
                used.databaseShare(),
                used.redisShare());
    }

    @Override
    public void close() {
        sockets.forEach(members -> members.forEach(LoadSocket::close));
    }
}
