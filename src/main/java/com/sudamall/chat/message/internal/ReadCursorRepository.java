package com.sudamall.chat.message.internal;

import com.sudamall.chat.message.Deliveries;
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
 * ({@code delivery_cursors}).
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

    // A run of seqs moves a member's delivery cursor only if it carries on from where the member stands, delivered
    // or read; what they have read they have been sent, so a run that ends within their reading moves nothing.
    private static final String DELIVER = """
            UPDATE delivery_cursors
               SET delivered_seq = :seq
             WHERE room_id = :roomId AND user_id = :userId AND delivered_seq < :seq
               AND (delivered_seq >= :from - 1 OR (SELECT m.last_read_seq FROM room_members m
                                                    WHERE m.room_id = :roomId AND m.user_id = :userId) >= :from - 1)
               AND (SELECT m.last_read_seq FROM room_members m
                     WHERE m.room_id = :roomId AND m.user_id = :userId) < :seq
            """;

    // the member's first run: it must carry on from their read cursor
    private static final String DELIVER_FIRST = """
            INSERT INTO delivery_cursors (room_id, user_id, delivered_seq)
            SELECT m.room_id, m.user_id, :seq
              FROM room_members m
             WHERE m.room_id = :roomId AND m.user_id = :userId
               AND m.last_read_seq < :seq AND m.last_read_seq >= :from - 1
               AND NOT EXISTS (SELECT 1 FROM delivery_cursors d WHERE d.room_id = :roomId AND d.user_id = :userId)
            ON CONFLICT DO NOTHING
            """;

    /**
     * Moves each delivery cursor forward, never back, as JDBC batches, in the runs' order (a member's later run
     * may carry on from an earlier one); the runs that moved one.
     */
    List<Deliveries.Report> deliverAll(List<Deliveries.Report> reports) {
        int[] updated = named.batchUpdate(DELIVER, params(reports));
        List<Deliveries.Report> moved = new ArrayList<>();
        List<Deliveries.Report> unmoved = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            (counted(updated[i]) ? moved : unmoved).add(reports.get(i));
        }
        // a member's first run has no row to update yet
        int[] inserted = unmoved.isEmpty() ? new int[0] : named.batchUpdate(DELIVER_FIRST, params(unmoved));
        for (int i = 0; i < inserted.length; i++) {
            if (counted(inserted[i])) {
                moved.add(unmoved.get(i));
            }
        }
        return moved;
    }

    private static SqlParameterSource[] params(List<Deliveries.Report> reports) {
        return reports.stream()
                .map(r -> new MapSqlParameterSource()
                        .addValue("roomId", r.roomId())
                        .addValue("userId", r.userId())
                        .addValue("from", r.fromSeq())
                        .addValue("seq", r.toSeq()))
                .toArray(SqlParameterSource[]::new);
    }

    /** A driver that cannot count a batched statement says SUCCESS_NO_INFO: taken as a move, to be safe. */
    private static boolean counted(int rows) {
        return rows > 0 || rows == Statement.SUCCESS_NO_INFO;
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
