package com.sudamall.chat.message.internal;

import com.sudamall.chat.web.Rows;
import com.sudamall.chat.web.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Numbers rooms' messages. Bumping {@code rooms.last_seq} takes the room's row lock until the sending transaction
 * ends, so concurrent senders are serialised in seq order and a rolled-back send gives its numbers back: seq stays
 * gapless. Must run inside the sending transaction.
 */
@Component
public class SequenceAllocator {

    // Notes alone number the room without being its activity: the customer's list must not move for them.
    private static final String BUMP = """
            UPDATE rooms
               SET last_seq = last_seq + :count,
                   last_message_at = CASE WHEN :notesOnly THEN last_message_at ELSE :now END,
                   activity_at = CASE WHEN :notesOnly THEN activity_at ELSE :now END
             WHERE id = :roomId
            """;

    private final NamedParameterJdbcTemplate named;
    private final JdbcClient jdbc;

    SequenceAllocator(NamedParameterJdbcTemplate named, JdbcClient jdbc) {
        this.named = named;
        this.jdbc = jdbc;
    }

    /**
     * Reserves {@code count} numbers in each room.
     *
     * @param counts how many messages each room gets, in room id order: every writer locks rooms in the same order,
     *     so two batches (on two nodes) sharing rooms wait for each other instead of deadlocking
     * @param notesOnly the rooms whose numbers all go to internal notes: their activity time stays
     * @return the first reserved number of each room
     */
    public Map<UUID, Long> reserve(SortedMap<UUID, Integer> counts, Set<UUID> notesOnly, Instant now) {
        SqlParameterSource[] bumps = counts.entrySet().stream()
                .map(e -> new MapSqlParameterSource()
                        .addValue("roomId", e.getKey())
                        .addValue("count", e.getValue())
                        .addValue("notesOnly", notesOnly.contains(e.getKey()))
                        .addValue("now", Timestamps.param(now)))
                .toArray(SqlParameterSource[]::new);
        named.batchUpdate(BUMP, bumps);
        // Read under the locks the UPDATEs hold: no other sender can move last_seq before we commit.
        return jdbc
                .sql("SELECT id, last_seq FROM rooms WHERE id IN (:roomIds)")
                .param("roomIds", List.copyOf(counts.keySet()))
                .query(Rows.of(LastSeq.class))
                .stream()
                .collect(Collectors.toMap(LastSeq::id, r -> r.lastSeq() - counts.get(r.id()) + 1));
    }

    private record LastSeq(UUID id, long lastSeq) {}
}
