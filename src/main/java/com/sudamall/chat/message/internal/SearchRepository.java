package com.sudamall.chat.message.internal;

import com.sudamall.chat.web.Databases;
import com.sudamall.chat.web.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Message search in the rooms a user is in (a conversation's customer never finds its team's notes): PostgreSQL full text (the GIN index of {@code V10__message_search}),
 * or, on H2, a case-insensitive match of every word, which is enough for the embedded default.
 */
@Repository
public class SearchRepository {

    /** Marks around a match in a PostgreSQL headline; control characters never appear in stored text. */
    static final char START = '\u0001';

    static final char STOP = '\u0002';

    /**
     * A found message.
     *
     * @param roomId its room
     * @param id the message
     * @param seq its seq
     * @param senderId its sender
     * @param sentAt when it was sent
     * @param text its text, with PostgreSQL's match marks when {@code marked}
     * @param marked whether the database marked the matches
     */
    public record Found(
            UUID roomId, UUID id, long seq, @Nullable String senderId, Instant sentAt, String text, boolean marked) {}

    private final JdbcClient jdbc;
    private final boolean postgres;

    SearchRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(dataSource);
    }

    private static final String VISIBLE = """
              JOIN room_members rm ON rm.room_id = m.room_id AND rm.user_id = :userId
              JOIN rooms r ON r.id = m.room_id AND r.is_active = TRUE
             WHERE m.is_deleted = FALSE AND m.moderation_status = 'approved' AND m.seq IS NOT NULL
               AND (CAST(:roomId AS UUID) IS NULL OR m.room_id = :roomId)
               AND (m.message_type <> 'note' OR COALESCE(r.customer_id, '') <> :userId)
            """;

    /**
     * A masked message's writer and moderators search (and see) its whole text; everyone else what the filters left
     * of it.
     */
    private static final String WHOLE = "(m.original_content IS NOT NULL AND (m.sender_id = :userId OR :moderator))";

    private static final String SEEN = "CASE WHEN " + WHOLE + " THEN m.original_content ELSE m.content END";

    // Two branches, each over its own GIN index (V10, and V15's partial one over the few masked messages).
    private static final String FULL_TEXT = """
            SELECT m.room_id, m.id, m.seq, m.sender_id, m.sent_at,
                   ts_headline('simple', %s, to_tsquery('simple', :query),
                               'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=24, MinWords=8') AS text
              FROM messages m
            %s
               AND (   (to_tsvector('simple', replace(m.content, '-', ' ')) @@ to_tsquery('simple', :query)
                        AND NOT %s)
                    OR (%s
                        AND to_tsvector('simple', replace(m.original_content, '-', ' ')) @@ to_tsquery('simple', :query)))
             ORDER BY m.sent_at DESC
             LIMIT :limit
            """.formatted(SEEN, VISIBLE, WHOLE, WHOLE);

    /**
     * The user's newest messages containing every word (as a prefix, on PostgreSQL).
     *
     * @param moderator whether the user moderates (and so searches masked messages whole)
     * @param roomId only this room's messages, when not null
     */
    public List<Found> search(String userId, boolean moderator, @Nullable UUID roomId, List<String> words, int limit) {
        if (postgres) {
            String query = words.stream().map(word -> word + ":*").collect(Collectors.joining(" & "));
            return jdbc.sql(FULL_TEXT)
                    .param("userId", userId)
                    .param("moderator", moderator)
                    .param("roomId", roomId)
                    .param("query", query)
                    .param("limit", limit)
                    .query((rs, n) -> found(rs, true))
                    .list();
        }
        StringBuilder sql = new StringBuilder(
                "SELECT m.room_id, m.id, m.seq, m.sender_id, m.sent_at, " + SEEN + " AS text FROM messages m ");
        sql.append(VISIBLE);
        for (int i = 0; i < words.size(); i++) {
            sql.append(" AND LOWER(" + SEEN + ") LIKE :word").append(i).append(" ESCAPE '\\'");
        }
        sql.append(" ORDER BY m.sent_at DESC LIMIT :limit");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
                .param("userId", userId)
                .param("moderator", moderator)
                .param("roomId", roomId)
                .param("limit", limit);
        for (int i = 0; i < words.size(); i++) {
            statement =
                    statement.param("word" + i, "%" + escapeLike(words.get(i).toLowerCase(Locale.ROOT)) + "%");
        }
        return statement.query((rs, n) -> found(rs, false)).list();
    }

    private static Found found(java.sql.ResultSet rs, boolean marked) throws java.sql.SQLException {
        return new Found(
                rs.getObject("room_id", UUID.class),
                rs.getObject("id", UUID.class),
                rs.getLong("seq"),
                rs.getString("sender_id"),
                Timestamps.read(rs, "sent_at"),
                rs.getString("text"),
                marked);
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
