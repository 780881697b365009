package com.sudamall.loadgen;

/**
 * One measured stretch of traffic: a scenario on one server at one target rate. For {@code history} a message is a
 * page request (delivered: answered with 50 messages; lost: failed); for {@code storm} the latencies are the
 * sockets' catch-up times after the drop, lost is missed deliveries and duplicates doubled ones.
 *
 * @param scenario pairs, group, history, storm
 * @param server the bus the service ran on, or {@code ceiling}
 * @param targetRate messages per second asked for
 * @param sent messages sent
 * @param expected deliveries expected (messages × sockets in their room)
 * @param delivered deliveries that arrived (first arrival of a message at a socket)
 * @param lost expected deliveries that never arrived
 * @param duplicates second arrivals of a message at a socket
 * @param messagesPerSecond messages sent per second of the sending window
 * @param deliveriesPerSecond deliveries per second of the sending window
 * @param p50Millis end-to-end latency, send to arrival
 * @param p90Millis end-to-end latency
 * @param p99Millis end-to-end latency
 * @param maxMillis end-to-end latency
 * @param serverCpuPer1000 CPU-seconds the server used per 1,000 messages
 * @param serverCpuShare the server's share of the machine's CPU while the step ran (0..1)
 * @param loadgenCpuShare the load generator's own share of the machine's CPU (0..1)
 * @param databaseCpuShare PostgreSQL's share of the machine's CPU (0..1)
 * @param redisCpuShare Redis's share of the machine's CPU (0..1)
 */
public record Step(
        String scenario,
        String server,
        double targetRate,
        long sent,
        long expected,
        long delivered,
        long lost,
        long duplicates,
        double messagesPerSecond,
        double deliveriesPerSecond,
        double p50Millis,
        double p90Millis,
        double p99Millis,
        double maxMillis,
        double serverCpuPer1000,
        double serverCpuShare,
        double loadgenCpuShare,
        double databaseCpuShare,
        double redisCpuShare) {}
