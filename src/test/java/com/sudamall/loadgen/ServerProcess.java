package com.sudamall.loadgen;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server under test in a process of its own, so its CPU time and heap are its own: the service (the jar that ships,
 * named by the {@code loadgen.service-jar} system property, as {@code bench/run} does; otherwise from this process's
 * class path, as the tests do) or the bare broadcast server of the ceiling scenario. Or, for the smoke test, a
 * service already running.
 */
final class ServerProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    private static final String SERVICE_ROOM_PATH = "/ws/chat/%s/";

    private final @Nullable Process process;
    private final String base;
    private final Path log;
    private final String roomPath;

    private ServerProcess(@Nullable Process process, String base, Path log, String roomPath) {
        this.process = process;
        this.base = base;
        this.log = log;
        this.roomPath = roomPath;
    }

    /** A service already running (the smoke test's): driven, but its CPU and heap are not measured. */
    static ServerProcess external(String base) {
        return new ServerProcess(null, base, Path.of("."), SERVICE_ROOM_PATH);
    }

    /** Starts the service with the given extra settings and waits until it is healthy. */
    static ServerProcess service(Map<String, String> environment, Path logDir, String name) {
        return service(environment, logDir, name, freePort());
    }

    /** Starts the service on {@code port} (a node restarted where its load balancer expects it). */
    static ServerProcess service(Map<String, String> environment, Path logDir, String name, int port) {
        String jar = System.getProperty("loadgen.service-jar");
        List<String> command = jar == null
                ? java("1g", List.of("-cp", System.getProperty("java.class.path"), "com.sudamall.chat.ChatApplication"))
                : java("1g", List.of("-jar", jar));
        command.addAll(List.of(
                "--server.port=" + port,
                // the load is many users' worth of traffic from few users: per-user limits would refuse it
                "--chat.rate-limits.enabled=false",
                "--logging.level.com.sudamall.chat.requests=WARN"));
        ServerProcess server = start(command, environment, port, logDir.resolve(name + ".log"), SERVICE_ROOM_PATH);
        server.awaitHttp("/actuator/health", Duration.ofSeconds(120));
        return server;
    }

    /** Starts the bare broadcast server and waits until it listens. */
    static ServerProcess ceiling(Path logDir) {
        int port = freePort();
        List<String> command =
                java("1g", List.of("-cp", System.getProperty("java.class.path"), "com.sudamall.loadgen.CeilingServer"));
        command.add(Integer.toString(port));
        ServerProcess server = start(command, Map.of(), port, logDir.resolve("ceiling.log"), "/ws/chat/%s");
        server.awaitHttp("/", Duration.ofSeconds(60));
        return server;
    }

    String base() {
        return base;
    }

    String webSocketBase() {
        return base.replaceFirst("^http", "ws");
    }

    /** The WebSocket URL of a room's socket. */
    String roomSocket(String roomId, String token) {
        return webSocketBase() + String.format(roomPath, roomId) + "?token=" + token;
    }

    /** CPU time the process has used so far, user and system. */
    double cpuSeconds() {
        if (process == null) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks / (double) CLOCK_TICKS_PER_SECOND;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** Heap in use after a full collection, in bytes (the service's own metric, read after {@code jcmd GC.run}). */
    double heapAfterGc() {
        if (process == null) {
            return Double.NaN;
        }
        try {
            Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow())
                    .resolveSibling("jcmd");
            new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
            String body = get("/actuator/metrics/jvm.memory.used?tag=area:heap");
            return JSON.readTree(body).path("measurements").get(0).path("value").asDouble();
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    int port() {
        return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Ends the process at once, as a crash or {@code kill -9} would: no shutdown hooks, no goodbyes. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks the process to stop (SIGTERM, as an operator or orchestrator does) and waits up to 30 s for it. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static List<String> java(String heap, List<String> code) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap));
        // e.g. BENCH_SERVER_OPTS="-XX:StartFlightRecording=filename=target/bench/service.jfr" to profile
        String extra = System.getenv("BENCH_SERVER_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(code);
        return command;
    }

    private static ServerProcess start(
            List<String> command, Map<String, String> environment, int port, Path log, String roomPath) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            return new ServerProcess(builder.start(), "http://127.0.0.1:" + port, log, roomPath);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + command, e);
        }
    }

    /** Whether {@code path} answers 200 now. */
    boolean answers(String path) {
        try {
            get(path);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    void awaitHttp(String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("the server exited; see " + log);
            }
            try {
                get(path);
                return;
            } catch (RuntimeException e) {
                sleep(500);
            }
        }
        throw new IllegalStateException("the server did not answer within " + timeout + "; see " + log);
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base() + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " → " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
