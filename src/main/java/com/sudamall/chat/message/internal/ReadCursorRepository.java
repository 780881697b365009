package com.sudamall.chat.message.internal;

import com.sudamall.chat.message.Deliveries;
import com.sudamall.chat.message.MessagesDelivered;
import com.sudamall.chat.web.Rows;
import com.sudamall.chat.web.Timestamps;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read cursors ({@code room_members.last_read_seq}) and the unread counts that follow from them; delivery cursors
 * ({@code last_delivered_seq}).
 */
@Repository
class ReadCursorRepository {

    private final JdbcClient jdbc;

    private final NamedParameterJdbcTemplate named;

    ReadCursorRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    private static final String ADVANCE = """
            UPDATE room_members
               SET last_read_seq = :seq, last_read_at = :now
             WHERE room_id = :roomId AND user_id = :userId AND last_read_seq < :seq
            """;

    /**
     * A position in a room reached by a user.
     *
     * @param roomId the room
     * @param userId the reader
     * @param seq the last seq read
     */
    record Cursor(UUID roomId, String userId, long seq) {}

    /** Moves each cursor forward, never back, as one JDBC batch. */
    void advanceAll(List<Cursor> positions, Instant now) {
        named.batchUpdate(
                ADVANCE,
                positions.stream()
                        .map(c -> new MapSqlParameterSource()
                                .addValue("roomId", c.roomId())
                                .addValue("userId", c.userId())
                                .addValue("seq", c.seq())
                                .addValue("now", Timestamps.param(now)))
                        .toArray(SqlParameterSource[]::new));
    }

    // a run of seqs moves the cursor only if it carries on from where the member stands (delivered or read); a member
    // who has read past the run has been sent it, and their read cursor says so already
    private static final String DELIVER = """
            UPDATE room_members
               SET last_delivered_seq = :seq
             WHERE room_id = :roomId AND user_id = :userId
               AND last_delivered_seq < :seq AND last_read_seq < :seq
               AND (last_delivered_seq >= :from - 1 OR last_read_seq >= :from - 1)
            """;

    /** Moves each delivery cursor forward, never back, as one JDBC batch; those that moved. */
    List<MessagesDelivered> deliverAll(List<Deliveries.Report> reports) {
        int[] updated = named.batchUpdate(
                DELIVER,
                reports.stream()
                        .map(r -> new MapSqlParameterSource()
                                .addValue("roomId", r.roomId())
                                .addValue("userId", r.userId())
                                .addValue("from", r.fromSeq())
                                .addValue("seq", r.toSeq()))
                        .toArray(SqlParameterSource[]::new));
        List<MessagesDelivered> moved = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            // a driver that cannot count a batched statement says SUCCESS_NO_INFO: announced, to be safe
            if (updated[i] > 0 || updated[i] == Statement.SUCCESS_NO_INFO) {
                Deliveries.Report report = reports.get(i);
                moved.add(new MessagesDelivered(report.roomId(), report.userId(), report.toSeq()));
            }
        }
        return moved;
    }

    /** Moves the cursor forward, never back; true when it moved. */
    boolean advance(UUID roomId, String userId, long seq, Instant now) {
        return jdbc.sql(ADVANCE)
                        .param("roomId", roomId)
                        .param("userId", userId)
                        .param("seq", seq)
                        .param("now", Timestamps.param(now))
                        .update()
                > 0;
    }

    private record Unread(UUID roomId, long unread) {}

    /**
     * Unread is the distance from the cursor to the room's last seq, less, for a conversation's customer, the team's
     * notes in between (counted on messages_room_seq_uk over the unread range only).
     */
    static final String UNREAD = """
            r.last_seq - m.last_read_seq
              - CASE WHEN r.customer_id = m.user_id AND r.last_seq > m.last_read_seq
                     THEN (SELECT COUNT(*) FROM messages n
                            WHERE n.room_id = r.id AND n.seq > m.last_read_seq AND n.message_type = 'note')
                     ELSE 0 END
            """;

    // room_members_user_idx finds the user's rooms.
    private static final String UNREAD_BY_ROOM = """
            SELECT room_id, unread
              FROM (SELECT r.id AS room_id, %s AS unread
                      FROM room_members m
                      JOIN rooms r ON r.id = m.room_id
                     WHERE m.user_id = :userId AND r.is_active = TRUE AND r.last_seq > m.last_read_seq) u
             WHERE unread > 0
            """.formatted(UNREAD);

    /** Unread counts of the user's active rooms that have unread messages. */
    Map<UUID, Long> unreadByRoom(String userId) {
        return jdbc.sql(UNREAD_BY_ROOM).param("userId", userId).query(Rows.of(Unread.class)).list().stream()
                .collect(Collectors.toMap(Unread::roomId, Unread::unread));
    }

    private static final String UNREAD_IN_ROOMS = """
            SELECT r.id AS room_id, %s AS unread
              FROM room_members m
              JOIN rooms r ON r.id = m.room_id
             WHERE m.user_id = :userId AND m.room_id IN (:roomIds)
            """.formatted(UNREAD);

    Map<UUID, Long> unreadIn(String userId, Collection<UUID> roomIds) {
        if (roomIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(UNREAD_IN_ROOMS)
                .param("userId", userId)
                .param("roomIds", List.copyOf(roomIds))
                .query(Rows.of(Unread.class))
                .list()
                .stream()
                .collect(Collectors.toMap(Unread::roomId, Unread::unread));
    }
}
