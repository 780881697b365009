package com.sudamall.loadgen;

import java.lang.management.ManagementFactory;

/** The CPU the server, PostgreSQL, Redis and the load generator itself use over one measured stretch. */
final class CpuWindow {

    /**
     * What a stretch used.
     *
     * @param serverSeconds CPU-seconds of the server
     * @param serverShare the server's share of the machine (0..1)
     * @param loadgenShare the load generator's own share
     * @param databaseShare PostgreSQL's share
     * @param redisShare Redis's share
     */
    record Usage(
            double serverSeconds, double serverShare, double loadgenShare, double databaseShare, double redisShare) {}

    private final ServerProcess server;
    private final long startNanos = System.nanoTime();
    private final double serverBefore;
    private final double databaseBefore = MachineCpu.seconds("postgres");
    private final double redisBefore = MachineCpu.seconds("redis-server");
    private final long ownBefore = ownCpuNanos();

    private CpuWindow(ServerProcess server) {
        this.server = server;
        this.serverBefore = server.cpuSeconds();
    }

    static CpuWindow open(ServerProcess server) {
        return new CpuWindow(server);
    }

    Usage close() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        double serverSeconds = server.cpuSeconds() - serverBefore;
        return new Usage(
                serverSeconds,
                serverSeconds / wall / cores,
                (ownCpuNanos() - ownBefore) / 1e9 / wall / cores,
                (MachineCpu.seconds("postgres") - databaseBefore) / wall / cores,
                (MachineCpu.seconds("redis-server") - redisBefore) / wall / cores);
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
