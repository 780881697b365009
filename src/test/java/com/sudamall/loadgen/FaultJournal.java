package com.sudamall.loadgen;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fault suite's clients did and saw, with wall-clock times: every message by its {@code client_msg_id}
 * (which client made it, when, and when it was acked), every first arrival at a receiver, every {@code error} frame
 * and every reconnect. The figures of each fault are cut from it by time.
 */
final class FaultJournal {

    record Made(int client, long at) {}

    record Arrival(int client, String messageId, long at) {}

    private final Map<String, Made> made = new ConcurrentHashMap<>();
    private final Map<String, Long> acked = new ConcurrentHashMap<>();
    private final Queue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final Queue<Long> errors = new ConcurrentLinkedQueue<>();
    private final Queue<Long> reconnects = new ConcurrentLinkedQueue<>();
    private final AtomicLong duplicateArrivals = new AtomicLong();

    void made(String messageId, int client) {
        made.put(messageId, new Made(client, System.currentTimeMillis()));
    }

    /** The first ack of a message counts; a resend's second ack is the same message. */
    void acked(String messageId) {
        acked.putIfAbsent(messageId, System.currentTimeMillis());
    }

    void arrived(int client, String messageId) {
        arrivals.add(new Arrival(client, messageId, System.currentTimeMillis()));
    }

    void arrivedAgain() {
        duplicateArrivals.incrementAndGet();
    }

    void error() {
        errors.add(System.currentTimeMillis());
    }

    void reconnected() {
        reconnects.add(System.currentTimeMillis());
    }

    Map<String, Made> made() {
        return made;
    }

    Map<String, Long> acked() {
        return acked;
    }

    List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    long errorsBetween(long from, long to) {
        return errors.stream().filter(at -> at >= from && at < to).count();
    }

    long reconnectsBetween(long from, long to) {
        return reconnects.stream().filter(at -> at >= from && at < to).count();
    }

    long duplicateArrivals() {
        return duplicateArrivals.get();
    }
}
