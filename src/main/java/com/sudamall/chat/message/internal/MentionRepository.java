package com.sudamall.chat.message.internal;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code message_mentions}: one row per message and user it names. */
@Repository
public class MentionRepository {

    /**
     * One user named by one numbered message.
     *
     * @param messageId the message
     * @param userId who it names
     * @param roomId its room
     * @param seq its seq, for counting what the user has not read; null while the message is held
     */
    record Mention(
            UUID messageId,
            String userId,
            UUID roomId,
            @Nullable Long seq) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    MentionRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** One batched statement for a whole send batch, like the messages' own insert. */
    void insertAll(List<Mention> mentions) {
        if (mentions.isEmpty()) {
            return;
        }
        named.batchUpdate(
                """
                INSERT INTO message_mentions (message_id, user_id, room_id, seq)
                VALUES (:messageId, :userId, :roomId, :seq)
                """,
                mentions.stream()
                        .map(m -> new MapSqlParameterSource()
                                .addValue("messageId", m.messageId())
                                .addValue("userId", m.userId())
                                .addValue("roomId", m.roomId())
                                .addValue("seq", m.seq(), Types.BIGINT))
                        .toArray(SqlParameterSource[]::new));
    }

    /** A held message was numbered: its mentions count from now on. */
    public void number(UUID messageId, long seq) {
        jdbc.sql("UPDATE message_mentions SET seq = :seq WHERE message_id = :messageId")
                .param("seq", seq)
                .param("messageId", messageId)
                .update();
    }

    /** Who each message names, in the order they were named. */
    public Map<UUID, List<String>> of(Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<String>> named = new LinkedHashMap<>();
        jdbc.sql("SELECT message_id, user_id FROM message_mentions WHERE message_id IN (:messageIds)")
                .param("messageIds", List.copyOf(messageIds))
                .query((RowCallbackHandler)
                        rs -> named.computeIfAbsent(rs.getObject("message_id", UUID.class), id -> new ArrayList<>())
                                .add(rs.getString("user_id")));
        return named;
    }

    // message_mentions_user_room_seq_idx counts over the unread range only; a deleted message no longer mentions.
    private static final String UNREAD = """
            SELECT mm.room_id, COUNT(*) AS n
              FROM room_members rm
              JOIN rooms r ON r.id = rm.room_id AND r.is_active = TRUE
              JOIN message_mentions mm
                ON mm.user_id = rm.user_id AND mm.room_id = rm.room_id AND mm.seq > rm.last_read_seq
              JOIN messages m ON m.id = mm.message_id AND m.is_deleted = FALSE
             WHERE rm.user_id = :userId %s
             GROUP BY mm.room_id
            """;

    /** The user's unread mentions per room, only rooms that have some; muting a room does not hide them. */
    public Map<UUID, Long> unreadByRoom(String userId) {
        return count(jdbc.sql(UNREAD.formatted("")).param("userId", userId));
    }

    Map<UUID, Long> unreadIn(String userId, Collection<UUID> roomIds) {
        if (roomIds.isEmpty()) {
            return Map.of();
        }
        return count(jdbc.sql(UNREAD.formatted("AND rm.room_id IN (:roomIds)"))
                .param("userId", userId)
                .param("roomIds", List.copyOf(roomIds)));
    }

    private static Map<UUID, Long> count(JdbcClient.StatementSpec statement) {
        Map<UUID, Long> counts = new HashMap<>();
        statement.query((RowCallbackHandler) rs -> counts.put(rs.getObject("room_id", UUID.class), rs.getLong("n")));
        return counts;
    }

    /** The senders of the messages after {@code afterSeq} that name the user, first to mention first. */
    public List<String> mentioners(UUID roomId, String userId, long afterSeq) {
        return jdbc.sql("""
                        SELECT m.sender_id
                          FROM message_mentions mm
                          JOIN messages m ON m.id = mm.message_id AND m.is_deleted = FALSE
                         WHERE mm.user_id = :userId AND mm.room_id = :roomId AND mm.seq > :afterSeq
                           AND m.sender_id IS NOT NULL
                         GROUP BY m.sender_id
                         ORDER BY MIN(mm.seq)
                        """)
                .param("userId", userId)
                .param("roomId", roomId)
                .param("afterSeq", afterSeq)
                .query(String.class)
                .list();
    }
}
