package com.sudamall.loadgen;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load generator's entry point. Without {@code --target} it starts the service once per scenario and bus
 * (PostgreSQL in a schema of its own, and Redis for the Redis bus), and the ceiling server once; with
 * {@code --target=http://127.0.0.1:PORT} it drives a service that is already running. Everything stays on loopback
 * and every step is bounded in time.
 */
public final class LoadGenerator {

    private LoadGenerator() {}

    public static void main(String[] args) throws IOException {
        Report report = run(Options.parse(args), System.out::println);
        System.out.println(
                "report: " + Options.parse(args).out().toAbsolutePath().resolve("report.json"));
        if (report.steps().isEmpty()) {
            System.exit(1);
        }
    }

    /** Runs the scenarios the options name and writes the report to {@code --out}. */
    public static Report run(Options options, java.util.function.Consumer<String> progress) throws IOException {
        Path out = options.out();
        Report report = new Report();
        report.about("started_at", Instant.now().toString());
        report.about("cores", Runtime.getRuntime().availableProcessors());
        report.about("java", System.getProperty("java.version"));
        report.about("options", options.values());
        Scenarios scenarios = new Scenarios(options, progress);
        List<String> chosen = options.list("scenarios", "pairs,group,history,storm,idle,ceiling", "pairs,group,idle");
        String target = options.values().get("target");
        String user = options.get("db-user", "postgres", "postgres");
        if (target != null) {
            ServerProcess server = ServerProcess.external(target);
            History.Database database = new History.Database(options.get("db-url", "", ""), user);
            runOn(scenarios, chosen, report, () -> server, "external", database);
        } else {
            for (String bus : options.list("buses", "in-process,redis", "in-process")) {
                String schema = "bench_" + bus.replace("-", "_").toLowerCase(Locale.ROOT);
                String url = options.get("db-url", "jdbc:postgresql://127.0.0.1:5432/test", "");
                History.Database database = new History.Database(inSchema(url, schema), user);
                runOn(
                        scenarios,
                        chosen,
                        report,
                        () -> startService(options, bus, url, schema, database, out),
                        bus,
                        database);
            }
            if (chosen.contains("ceiling")) {
                attempt(report, "pairs", "ceiling", () -> {
                    try (ServerProcess ceiling = ServerProcess.ceiling(out)) {
                        report.add(scenarios.ceiling(ceiling));
                    }
                });
            }
        }
        report.write(out);
        return report;
    }

    private interface Start {
        ServerProcess start();
    }

    /**
     * Each scenario on a fresh server, so its CPU and heap figures are its own. A scenario that fails is recorded
     * as failed and the others still run.
     */
    private static void runOn(
            Scenarios scenarios,
            List<String> chosen,
            Report report,
            Start start,
            String name,
            History.Database database) {
        if (chosen.contains("pairs")) {
            attempt(report, "pairs", name, () -> {
                try (ServerProcess server = start.start()) {
                    report.add(scenarios.pairs(server, name));
                }
            });
        }
        if (chosen.contains("group")) {
            attempt(report, "group", name, () -> {
                try (ServerProcess server = start.start()) {
                    report.add(scenarios.group(server, name));
                }
            });
        }
        if (chosen.contains("history")) {
            attempt(report, "history", name, () -> {
                try (ServerProcess server = start.start()) {
                    report.add(scenarios.history(server, name, database));
                }
            });
        }
        if (chosen.contains("storm")) {
            attempt(report, "storm", name, () -> {
                try (ServerProcess server = start.start()) {
                    report.add(scenarios.storm(server, name));
                }
            });
        }
        if (chosen.contains("idle")) {
            attempt(report, "idle", name, () -> {
                try (ServerProcess server = start.start()) {
                    List<Double> perSocket = new ArrayList<>();
                    scenarios.idle(server, name, perSocket);
                    perSocket.forEach(bytes -> report.heapPerSocket(name, bytes));
                }
            });
        }
    }

    private static void attempt(Report report, String scenario, String server, Runnable run) {
        try {
            run.run();
        } catch (RuntimeException e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            System.out.println(scenario + " on " + server + " failed: " + reason);
            report.about("failed " + scenario + " on " + server, reason);
        }
    }

    /** The service on PostgreSQL (a fresh schema per bus) and, for the Redis bus, Redis: the production set-up. */
    private static ServerProcess startService(
            Options options, String bus, String url, String schema, History.Database database, Path out) {
        resetSchema(url, database.user(), schema);
        Map<String, String> environment = new HashMap<>();
        environment.put("CHAT_DB_URL", database.url());
        environment.put("CHAT_DB_USER", database.user());
        environment.put("SPRING_FLYWAY_SCHEMAS", schema);
        environment.put("CHAT_BUS", bus);
        environment.put("CHAT_REDIS_URL", options.get("redis-url", "redis://127.0.0.1:6379", ""));
        return ServerProcess.service(environment, out, "service-" + bus);
    }

    /** A PostgreSQL JDBC URL whose connections work in {@code schema}. */
    static String inSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static void resetSchema(String url, String user, String schema) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " refused", e);
        }
    }
}
