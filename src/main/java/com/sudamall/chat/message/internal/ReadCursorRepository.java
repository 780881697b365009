package com.sudamall.chat.message.internal;

import com.sudamall.chat.web.Rows;
import com.sudamall.chat.web.Timestamps;
import java.time.Instant;
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

/** Read cursors ({@code room_members.last_read_seq}) and the unread counts that follow from them. */
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

    // room_members_user_idx finds the user's rooms; unread is the distance from the cursor to the room's last seq.
    private static final String UNREAD_BY_ROOM = """
            SELECT r.id AS room_id, r.last_seq - m.last_read_seq AS unread
              FROM room_members m
              JOIN rooms r ON r.id = m.room_id
             WHERE m.user_id = :userId AND r.is_active = TRUE AND r.last_seq > m.last_read_seq
            """;

    /** Unread counts of the user's active rooms that have unread messages. */
    Map<UUID, Long> unreadByRoom(String userId) {
        return jdbc.sql(UNREAD_BY_ROOM).param("userId", userId).query(Rows.of(Unread.class)).list().stream()
                .collect(Collectors.toMap(Unread::roomId, Unread::unread));
    }

    private static final String UNREAD_IN_ROOMS = """
            SELECT r.id AS room_id, r.last_seq - m.last_read_seq AS unread
              FROM room_members m
              JOIN rooms r ON r.id = m.room_id
             WHERE m.user_id = :userId AND m.room_id IN (:roomIds)
            """;

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
