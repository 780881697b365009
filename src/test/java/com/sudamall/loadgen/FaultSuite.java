package com.sudamall.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Two nodes of the service on PostgreSQL and Redis, each reached through a {@link TcpProxy} so that an outage can be
 * made on purpose, and customers and store owners in pair rooms sending steadily, the customers on one node and the
 * owners on the other so every message crosses the bus. Then, round after round: Redis goes away and comes back,
 * PostgreSQL does the same, the first node is killed ({@code kill -9}) and started again, the second is shut down
 * gracefully (SIGTERM) and started again. At the end the clients stop sending, their unacked messages are sent until
 * acked, and the database is read: every acked message must be stored exactly once and have reached every client
 * of its room. {@code bench/run faults} runs it at soak size; {@code FaultSuiteIntegrationTests}, with
 * {@code --quick}, in CI.
 */
public final class FaultSuite {

    private final Options options;
    private final Consumer<String> progress;
    private final Path out;
    private final String schema;
    private final String databaseUrl;
    private final String user;
    private final StoredMessages stored;
    private final FaultJournal journal = new FaultJournal();
    private final List<FaultReport.Window> windows = new ArrayList<>();
    private final ServerProcess[] nodes = new ServerProcess[2];
    private final int[] ports = {ServerProcess.freePort(), ServerProcess.freePort()};
    private final int[] starts = new int[2];

    private FaultSuite(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
        this.out = Path.of(options.get("out", "target/faults", "target/faults-smoke"));
        this.schema = options.get("schema", "faults", "faults_smoke");
        this.databaseUrl = options.get("db-url", "jdbc:postgresql://127.0.0.1:5432/test", "");
        this.user = options.get("db-user", "postgres", "postgres");
        this.stored = new StoredMessages(LoadGenerator.inSchema(databaseUrl, schema), user);
    }

    public static void main(String[] args) throws IOException {
        FaultReport report = run(Options.parse(args), System.out::println);
        System.out.print(report.markdown());
        if (report.total().lost() > 0 || report.total().duplicated() > 0 || report.missedByReceivers() > 0) {
            System.exit(1);
        }
    }

    /** Runs the suite with {@code options} and writes {@code faults.json} and {@code faults.md} to {@code --out}. */
    public static FaultReport run(Options options, Consumer<String> progress) throws IOException {
        return new FaultSuite(options, progress).run();
    }

    private FaultReport run() throws IOException {
        int rooms = options.number("rooms", 50, 6);
        int perSecond = options.number("rate", 2, 3);
        int rounds = options.number("rounds", 3, 1);
        long outage = options.number("outage-seconds", 20, 4) * 1000L;
        long settle = options.number("settle-seconds", 20, 5) * 1000L;
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("started_at", Instant.now().toString());
        about.put("cores", Runtime.getRuntime().availableProcessors());
        about.put("rooms", rooms);
        about.put("clients", rooms * 2);
        about.put("messages_per_second_per_client", perSecond);
        about.put("rounds", rounds);
        about.put("outage_seconds", outage / 1000);
        about.put("settle_seconds", settle / 1000);

        LoadGenerator.resetSchema(databaseUrl, user, schema);
        URI postgres = URI.create(databaseUrl.substring("jdbc:".length()));
        URI redis = URI.create(options.get("redis-url", "redis://127.0.0.1:6379", "redis://127.0.0.1:6379"));
        List<FaultClient> clients = new ArrayList<>();
        try (TcpProxy database = new TcpProxy(postgres.getHost(), portOf(postgres, 5432));
                TcpProxy bus = new TcpProxy(redis.getHost(), portOf(redis, 6379))) {
            Map<String, String> environment = environment(postgres, database, redis, bus);
            progress.accept("faults: starting two nodes");
            // one after the other: the first migrates the schema and writes the dev mode's demo data, which two
            // nodes starting at once on an empty schema would both try to insert
            nodes[0] = start(environment, 0);
            nodes[1] = start(environment, 1);

            String run = "f" + UUID.randomUUID().toString().substring(0, 6);
            List<Room> pairs = Setup.pairs(new Api(nodes[0].base()), run, rooms);
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            List<String> bases = List.of(nodes[0].webSocketBase(), nodes[1].webSocketBase());
            for (Room room : pairs) {
                for (int member = 0; member < 2; member++) {
                    FaultClient client = new FaultClient(
                            clients.size(),
                            room.tokens().get(member),
                            room.id(),
                            run + "-",
                            bases,
                            member,
                            http,
                            journal,
                            1000L / perSecond);
                    clients.add(client);
                    client.start();
                }
            }
            await(
                    "every client connected",
                    Duration.ofSeconds(60),
                    () -> clients.stream().allMatch(FaultClient::connected));
            long loadStart = System.currentTimeMillis();
            pause(settle);

            for (int round = 1; round <= rounds; round++) {
                // the owners back on the second node, so that messages cross the bus again
                clients.stream().filter(c -> c.index() % 2 == 1).forEach(c -> c.moveTo(1));
                pause(settle);
                outage("Redis stopped and restarted", bus, outage, settle, () -> true);
                outage("PostgreSQL restarted", database, outage, settle, this::nodesReady);
                killAndRestart(environment, settle);
                shutDownAndRestart(environment, settle);
            }
            long loadEnd = System.currentTimeMillis();
            clients.forEach(FaultClient::stopSending);
            progress.accept("faults: load stopped, sending what is unacked until it is acked");
            await(
                    "every message acked",
                    Duration.ofSeconds(120),
                    () -> clients.stream().allMatch(c -> c.unacked() == 0));

            Map<String, List<Long>> seqs = stored.seqs(pairs);
            awaitQuietly(
                    Duration.ofSeconds(60),
                    () -> clients.stream().allMatch(c -> c.hasSeen(seqs.getOrDefault(c.roomId(), List.of()))));
            long missed = clients.stream()
                    .mapToLong(c -> c.missing(seqs.getOrDefault(c.roomId(), List.of())))
                    .sum();
            FaultReport report =
                    FaultReport.of(about, loadStart, windows, journal, stored.copies(run), clients.size(), missed);
            report.write(out);
            progress.accept("faults:\n" + report.markdown());
            return report;
        } finally {
            clients.forEach(FaultClient::stop);
            for (ServerProcess node : nodes) {
                if (node != null) {
                    node.close();
                }
            }
            if (!Boolean.parseBoolean(options.get("keep-schema", "false", "false"))) {
                LoadGenerator.resetSchema(databaseUrl, user, schema);
            }
        }
    }

    /** Cuts every connection to a backing service and refuses new ones for {@code outage}, then lets them through. */
    private void outage(String fault, TcpProxy proxy, long outage, long settle, BooleanSupplier recovered) {
        progress.accept("faults: " + fault);
        long start = System.currentTimeMillis();
        proxy.cut();
        pause(outage);
        proxy.restore();
        long end = System.currentTimeMillis();
        awaitQuietly(Duration.ofSeconds(60), recovered);
        pause(settle);
        windows.add(new FaultReport.Window(fault, start, end, System.currentTimeMillis()));
    }

    private void killAndRestart(Map<String, String> environment, long settle) {
        progress.accept("faults: node 1 killed");
        long start = System.currentTimeMillis();
        nodes[0].kill();
        pause(settle);
        // back for the next fault, while the load goes on through the other node
        nodes[0] = start(environment, 0);
        windows.add(new FaultReport.Window("node killed (kill -9)", start, start, System.currentTimeMillis()));
    }

    private void shutDownAndRestart(Map<String, String> environment, long settle) {
        progress.accept("faults: node 2 shut down gracefully");
        long start = System.currentTimeMillis();
        nodes[1].close();
        long end = System.currentTimeMillis();
        pause(settle);
        nodes[1] = start(environment, 1);
        windows.add(new FaultReport.Window("node shut down (SIGTERM)", start, end, System.currentTimeMillis()));
    }

    private ServerProcess start(Map<String, String> environment, int node) {
        // a log per start: a restarted node's must not overwrite what its predecessor saw of the fault
        return ServerProcess.service(environment, out, "node" + (node + 1) + "-" + ++starts[node], ports[node]);
    }

    private boolean nodesReady() {
        for (ServerProcess node : nodes) {
            if (node == null || !node.answers("/actuator/health/readiness")) {
                return false;
            }
        }
        return true;
    }

    private Map<String, String> environment(URI postgres, TcpProxy database, URI redis, TcpProxy bus) {
        String proxied = "jdbc:" + withPort(postgres, database.port());
        Map<String, String> environment = new HashMap<>();
        environment.put("CHAT_DB_URL", LoadGenerator.inSchema(proxied, schema));
        environment.put("CHAT_DB_USER", user);
        environment.put("SPRING_FLYWAY_SCHEMAS", schema);
        environment.put("CHAT_DB_CONNECT_TIMEOUT_MS", "2000");
        // two nodes beside the test suite's own pools on one PostgreSQL (100 connections by default)
        environment.put("CHAT_DB_POOL_SIZE", "8");
        environment.put("CHAT_BUS", "redis");
        environment.put("CHAT_REDIS_URL", withPort(redis, bus.port()));
        return environment;
    }

    private static int portOf(URI uri, int fallback) {
        return uri.getPort() < 0 ? fallback : uri.getPort();
    }

    private static String withPort(URI uri, int port) {
        try {
            return new URI(
                            uri.getScheme(),
                            uri.getUserInfo(),
                            "127.0.0.1",
                            port,
                            uri.getPath(),
                            uri.getQuery(),
                            uri.getFragment())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(uri.toString(), e);
        }
    }

    private static void pause(long millis) {
        ServerProcess.sleep(millis);
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        if (!awaitQuietly(timeout, condition)) {
            throw new IllegalStateException("faults: not " + what + " within " + timeout);
        }
    }

    private static boolean awaitQuietly(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            pause(200);
        }
        return condition.getAsBoolean();
    }
}
