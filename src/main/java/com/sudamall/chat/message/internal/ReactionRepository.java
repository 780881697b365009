package com.sudamall.chat.message.internal;

import com.sudamall.chat.web.Timestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code message_reactions}: one row per user, message and emoji. */
@Repository
public class ReactionRepository {

    private final JdbcClient jdbc;

    ReactionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the reaction; false when the user had reacted so already. Checked in the statement, not by catching the
     * key's violation, which would end a PostgreSQL transaction (two of the same user's taps racing still meet it).
     */
    public boolean add(UUID messageId, String userId, String emoji, Instant at) {
        return jdbc.sql("""
                        INSERT INTO message_reactions (message_id, user_id, emoji, reacted_at)
                        SELECT :messageId, :userId, :emoji, :at
                         WHERE NOT EXISTS (SELECT 1 FROM message_reactions
                                            WHERE message_id = :messageId AND user_id = :userId AND emoji = :emoji)
                        """)
                        .param("messageId", messageId)
                        .param("userId", userId)
                        .param("emoji", emoji)
                        .param("at", Timestamps.param(at))
                        .update()
                > 0;
    }

    /** Removes the reaction; false when there was none. */
    public boolean remove(UUID messageId, String userId, String emoji) {
        return jdbc.sql(
                                "DELETE FROM message_reactions WHERE message_id = :messageId AND user_id = :userId AND emoji = :emoji")
                        .param("messageId", messageId)
                        .param("userId", userId)
                        .param("emoji", emoji)
                        .update()
                > 0;
    }

    /** Every reaction of the user goes (a privacy erasure). */
    public void removeAllOf(String userId) {
        jdbc.sql("DELETE FROM message_reactions WHERE user_id = :userId")
                .param("userId", userId)
                .update();
    }

    /** How many users reacted with each emoji, per message. */
    public Map<UUID, Map<String, Long>> counts(Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Map<String, Long>> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT message_id, emoji, COUNT(*) AS n
                          FROM message_reactions
                         WHERE message_id IN (:messageIds)
                         GROUP BY message_id, emoji
                        """).param("messageIds", List.copyOf(messageIds)).query((RowCallbackHandler)
                rs -> counts.computeIfAbsent(rs.getObject("message_id", UUID.class), id -> new LinkedHashMap<>())
                        .put(rs.getString("emoji"), rs.getLong("n")));
        return counts;
    }

    /**
     * The user's own reactions among these messages.
     *
     * @param messageId the message
     * @param emoji what they reacted with
     */
    public record Mine(UUID messageId, String emoji) {}

    public Set<Mine> mine(String userId, Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        SELECT message_id, emoji
                          FROM message_reactions
                         WHERE user_id = :userId AND message_id IN (:messageIds)
                        """)
                .param("userId", userId)
                .param("messageIds", List.copyOf(messageIds))
                .query((rs, row) -> new Mine(rs.getObject("message_id", UUID.class), rs.getString("emoji")))
                .list());
    }
}
