package com.sudamall.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fault suite's figures, one row per fault: messages made while it lasted (and until the next fault), how many
 * were acked, lost (acked but not stored), stored twice, never acked; the {@code error} frames and reconnects it
 * caused, and how long after it ended every client was acked again and received a message made after it.
 */
public record FaultReport(
        Map<String, Object> about, List<Row> rows, Row total, long missedByReceivers, long duplicateArrivals) {

    public record Row(
            String fault,
            long outageMillis,
            long sent,
            long acked,
            long lost,
            long duplicated,
            long unacked,
            long errorFrames,
            long reconnects,
            long recoveryMillis) {}

    /** When a fault began and ended, and when the next one began (its figures' window). */
    record Window(String fault, long start, long end, long until) {}

    static FaultReport of(
            Map<String, Object> about,
            long loadStart,
            List<Window> windows,
            FaultJournal journal,
            Map<String, Integer> storedCopies,
            int clients,
            long missedByReceivers) {
        List<Row> rows = new ArrayList<>();
        for (Window window : windows) {
            rows.add(row(window, journal, storedCopies, clients));
        }
        Window whole = new Window("all", loadStart, loadStart, Long.MAX_VALUE);
        Row all = row(whole, journal, storedCopies, clients);
        Row total = new Row(
                "total",
                rows.stream().mapToLong(Row::outageMillis).sum(),
                all.sent(),
                all.acked(),
                all.lost(),
                all.duplicated(),
                all.unacked(),
                all.errorFrames(),
                all.reconnects(),
                rows.stream().mapToLong(Row::recoveryMillis).max().orElse(0));
        return new FaultReport(about, rows, total, missedByReceivers, journal.duplicateArrivals());
    }

    private static Row row(Window window, FaultJournal journal, Map<String, Integer> storedCopies, int clients) {
        List<String> made = journal.made().entrySet().stream()
                .filter(e -> e.getValue().at() >= window.start() && e.getValue().at() < window.until())
                .map(Map.Entry::getKey)
                .toList();
        long acked = made.stream().filter(journal.acked()::containsKey).count();
        long lost = made.stream()
                .filter(id -> journal.acked().containsKey(id) && storedCopies.getOrDefault(id, 0) == 0)
                .count();
        long duplicated =
                made.stream().filter(id -> storedCopies.getOrDefault(id, 0) > 1).count();
        return new Row(
                window.fault(),
                window.end() - window.start(),
                made.size(),
                acked,
                lost,
                duplicated,
                made.size() - acked,
                journal.errorsBetween(window.start(), window.until()),
                journal.reconnectsBetween(window.start(), window.until()),
                recoveryMillis(window.end(), journal, clients));
    }

    /**
     * How long after {@code end} the last client was whole again: acked for a message it made after {@code end}, and
     * reached by one the other side made after it. -1 when some client never was.
     */
    private static long recoveryMillis(long end, FaultJournal journal, int clients) {
        Map<Integer, Long> firstAck = new LinkedHashMap<>();
        journal.made().forEach((id, made) -> {
            Long ackedAt = journal.acked().get(id);
            if (made.at() >= end && ackedAt != null) {
                firstAck.merge(made.client(), ackedAt, Math::min);
            }
        });
        Map<Integer, Long> firstArrival = journal.arrivals().stream()
                .filter(arrival -> {
                    FaultJournal.Made made = journal.made().get(arrival.messageId());
                    return made != null && made.at() >= end && made.client() != arrival.client();
                })
                .collect(Collectors.toMap(FaultJournal.Arrival::client, FaultJournal.Arrival::at, Math::min));
        long worst = 0;
        for (int client = 0; client < clients; client++) {
            Long acked = firstAck.get(client);
            Long arrived = firstArrival.get(client);
            if (acked == null || arrived == null) {
                return -1;
            }
            worst = Math.max(worst, Math.max(acked, arrived) - end);
        }
        return worst;
    }

    void write(Path out) throws IOException {
        Files.createDirectories(out);
        JsonMapper json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(out.resolve("faults.json"), json.writeValueAsString(this));
        Files.writeString(out.resolve("faults.md"), markdown());
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| fault | outage (ms) | sent | acked | lost | duplicated | never acked | error frames |"
                + " reconnects | time to recover (ms) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            md.append(line(row));
        }
        md.append(line(total));
        md.append("\nReceivers missing a stored message at the end: ")
                .append(missedByReceivers)
                .append("; messages that reached a receiver twice: ")
                .append(duplicateArrivals)
                .append(".\n");
        return md.toString();
    }

    private static String line(Row row) {
        return "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d |\n"
                .formatted(
                        row.fault(),
                        row.outageMillis(),
                        row.sent(),
                        row.acked(),
                        row.lost(),
                        row.duplicated(),
                        row.unacked(),
                        row.errorFrames(),
                        row.reconnects(),
                        row.recoveryMillis());
    }
}
