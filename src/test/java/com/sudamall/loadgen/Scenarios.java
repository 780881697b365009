package com.sudamall.loadgen;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The scenarios, each a sequence of measured steps against one server. */
final class Scenarios {

    /** Sockets opened at once: a connect storm is the storm scenario's business, not idle's. */
    private static final int CONNECT_BATCH = 50;

    private final Options options;
    private final HttpClient sockets = HttpClient.newHttpClient();
    private final Consumer<String> progress;

    Scenarios(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    /** 2-member customer-store rooms at rising rates, until p99 passes 50 ms or anything is lost. */
    List<Step> pairs(ServerProcess server, String name) {
        int rooms = options.number("pairs-rooms", 1_000, 5);
        return rising("pairs", name, server, Setup.pairs(new Api(server.base()), run(), rooms), 2, breaksAt(50));
    }

    /** The same traffic against the bare broadcast server. */
    List<Step> ceiling(ServerProcess server) {
        int rooms = options.number("pairs-rooms", 1_000, 5);
        return rising("pairs", "ceiling", server, Setup.synthetic(rooms, 2), 2, breaksAt(50));
    }

    /** One room of 1,000 members, a few of them sending, at rising rates until p99 passes 100 ms. */
    List<Step> group(ServerProcess server, String name) {
        int size = options.number("group-size", 1_000, 10);
        Room room = Setup.group(new Api(server.base()), run(), size);
        progress.accept("group: " + size + " members");
        try (Traffic traffic = Traffic.connect(sockets, server, List.of(room), 10)) {
            return steps(
                    "group",
                    name,
                    traffic.at("group", name, server),
                    options.rates("group-rates", "10,25,50,75,100,150", "5"),
                    breaksAt(100));
        }
    }

    /**
     * 50-message pages of a room of 100,000 messages, 1,000,000 in the database (10 such rooms), at rising rates
     * until p99 passes 20 ms or a page fails.
     */
    List<Step> history(ServerProcess server, String name, History.Database database) {
        int rooms = options.number("history-rooms", 10, 2);
        int perRoom = options.number("history-messages", 100_000, 200);
        String run = run();
        Api api = new Api(server.base());
        List<Room> made = Setup.pairs(api, run, rooms);
        List<List<String>> members = new ArrayList<>();
        for (int i = 0; i < rooms; i++) {
            members.add(Setup.pairMembers(run, i));
        }
        progress.accept("history on " + name + ": writing " + rooms + " × " + perRoom + " messages");
        History.seed(database, made.stream().map(Room::id).toList(), members, perRoom);
        History history = new History(
                api, made.getFirst().tokens().getFirst(), made.getFirst().id(), perRoom);
        return steps(
                "history",
                name,
                (rate, seconds) -> history.run(name, server, rate, seconds),
                options.rates("history-rates", "100,200,400,800,1200,1600", "20"),
                breaksAt(20));
    }

    /**
     * 5,000 room sockets (100 group rooms of 10 members, 5 sockets each: tabs and devices) dropped at once while
     * messages flow, all reconnecting with {@code after_seq}.
     */
    List<Step> storm(ServerProcess server, String name) {
        int rooms = options.number("storm-rooms", 100, 2);
        int members = options.number("storm-room-size", 10, 2);
        int perMember = options.number("storm-sockets-per-member", 5, 2);
        Api api = new Api(server.base());
        String run = run();
        List<Room> made = new ArrayList<>();
        for (int i = 0; i < rooms; i++) {
            made.add(Setup.group(api, run + "-" + i, members));
        }
        Storm storm = Storm.connect(sockets, server, api, made, perMember);
        progress.accept("storm on " + name + ": " + storm.socketCount() + " sockets open");
        try {
            Step step = storm.run(
                    name,
                    Double.parseDouble(options.get("storm-rate", "200", "10")),
                    Double.parseDouble(options.get("storm-before-seconds", "10", "1")),
                    Double.parseDouble(options.get("storm-after-seconds", "20", "2")),
                    progress);
            progress.accept(String.format(
                    "storm on %s: %d sockets caught up p50 %.0f ms, p99 %.0f ms, all %.0f ms; missed %d, doubled %d",
                    name,
                    storm.socketCount(),
                    step.p50Millis(),
                    step.p99Millis(),
                    step.maxMillis(),
                    step.lost(),
                    step.duplicates()));
            return List.of(step);
        } finally {
            storm.close();
        }
    }

    /**
     * Holds N authenticated sockets open ({@code /ws/chat/}, several per user, as tabs and devices do) and reads the
     * server's heap after a full collection, before and after.
     */
    List<Step> idle(ServerProcess server, String name, List<Double> heapPerSocket) {
        int count = options.number("idle-sockets", 20_000, 20);
        int perUser = options.number("idle-sockets-per-user", 10, 2);
        List<String> tokens = Setup.users(new Api(server.base()), run(), Math.max(1, count / perUser));
        double before = server.heapAfterGc();
        List<LoadSocket> open = new ArrayList<>();
        Ledger none = new Ledger();
        for (int i = 0; i < count; i += CONNECT_BATCH) {
            List<java.util.concurrent.CompletableFuture<LoadSocket>> batch = new ArrayList<>();
            for (int j = i; j < Math.min(count, i + CONNECT_BATCH); j++) {
                String token = tokens.get(j % tokens.size());
                batch.add(LoadSocket.open(
                        sockets, java.net.URI.create(server.webSocketBase() + "/ws/chat/?token=" + token), () -> none));
            }
            batch.forEach(f -> open.add(f.join()));
            if (open.size() % 5_000 == 0) {
                progress.accept("idle: " + open.size() + " sockets open");
            }
        }
        progress.accept("idle: " + open.size() + " sockets open");
        ServerProcess.sleep(1_000L * options.number("idle-hold-seconds", 2, 1));
        double after = server.heapAfterGc();
        heapPerSocket.add((after - before) / open.size());
        open.forEach(LoadSocket::close);
        return List.of();
    }

    private List<Step> rising(
            String scenario, String name, ServerProcess server, List<Room> rooms, int senders, Predicate<Step> broken) {
        progress.accept(scenario + " on " + name + ": " + rooms.size() + " rooms");
        try (Traffic traffic = Traffic.connect(sockets, server, rooms, senders)) {
            return steps(
                    scenario,
                    name,
                    traffic.at(scenario, name, server),
                    options.rates("pairs-rates", "1000,2000,3000,4000,5000,6000,8000,10000,12000", "20"),
                    broken);
        }
    }

    /** One measured stretch at a rate, for a number of seconds. */
    interface Stretch {
        Step run(double rate, double seconds);
    }

    private List<Step> steps(
            String scenario, String name, Stretch stretch, List<Double> rates, Predicate<Step> broken) {
        double seconds = Double.parseDouble(options.get("step-seconds", "8", "2"));
        double warmup = Double.parseDouble(options.get("warmup-seconds", "30", "0"));
        if (warmup > 0) {
            // a fresh JVM compiles its hot path during the first seconds: not part of any figure
            stretch.run(rates.getFirst(), warmup);
        }
        List<Step> steps = new ArrayList<>();
        for (double rate : rates) {
            Step step = stretch.run(rate, seconds);
            steps.add(step);
            progress.accept(String.format(
                    "%s on %s @ %.0f/s: %.0f msg/s, %.0f deliveries/s, p99 %.1f ms, lost %d, dup %d, server CPU %.0f%%,"
                            + " PostgreSQL %.0f%%, Redis %.0f%%, loadgen %.0f%%",
                    scenario,
                    name,
                    rate,
                    step.messagesPerSecond(),
                    step.deliveriesPerSecond(),
                    step.p99Millis(),
                    step.lost(),
                    step.duplicates(),
                    step.serverCpuShare() * 100,
                    step.databaseCpuShare() * 100,
                    step.redisCpuShare() * 100,
                    step.loadgenCpuShare() * 100));
            if (broken.test(step)) {
                break;
            }
        }
        return steps;
    }

    /** A step breaks the rise when latency passes the target, anything is lost, or the rate can't be kept. */
    private static Predicate<Step> breaksAt(double p99Millis) {
        return step -> step.p99Millis() > p99Millis
                || step.lost() > 0
                || step.duplicates() > 0
                || step.messagesPerSecond() < step.targetRate() * 0.9;
    }

    private static String run() {
        return "lg" + UUID.randomUUID().toString().substring(0, 6);
    }
}
