package com.sudamall.chat.moderation.internal;

import com.sudamall.chat.web.TimeCursor;
import com.sudamall.chat.web.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code flags} and {@code flag_reports}. */
@Repository
public class FlagRepository {

    private final JdbcClient jdbc;

    FlagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A stored flag.
     *
     * @param id flag id
     * @param messageId reported message
     * @param roomId its room
     * @param reason first reason given
     * @param status open, approved, rejected or deleted
     * @param createdAt first report time
     */
    public record FlagRow(
            UUID id, UUID messageId, UUID roomId, @Nullable String reason, String status, Instant createdAt) {}

    public Optional<FlagRow> find(UUID id) {
        return jdbc.sql("SELECT id, message_id, room_id, reason, status, created_at FROM flags WHERE id = :id")
                .param("id", id)
                .query(FlagRepository::flag)
                .optional();
    }

    /** The open flag of a message ({@code flags_open_uk}). */
    public Optional<UUID> findOpen(UUID messageId) {
        return jdbc.sql("SELECT id FROM flags WHERE open_key = :messageId")
                .param("messageId", messageId)
                .query(UUID.class)
                .optional();
    }

    public UUID insertOpen(UUID messageId, UUID roomId, String reason, String source, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO flags (id, message_id, room_id, reason, source, status, open_key, created_at)
                        VALUES (:id, :messageId, :roomId, :reason, :source, 'open', :messageId, :now)
                        """)
                .param("id", id)
                .param("messageId", messageId)
                .param("roomId", roomId)
                .param("reason", reason)
                .param("source", source)
                .param("now", Timestamps.param(now))
                .update();
        return id;
    }

    /**
     * Flags of a status, oldest first, after a cursor.
     *
     * @param source who opened it: {@code user} or {@code filter}
     */
    public record QueuedFlag(
            UUID id,
            UUID messageId,
            UUID roomId,
            @Nullable String reason,
            String source,
            String status,
            Instant createdAt) {}

    public List<QueuedFlag> queue(String status, @Nullable TimeCursor after, int limit) {
        return jdbc.sql("""
                        SELECT id, message_id, room_id, reason, source, status, created_at
                          FROM flags
                         WHERE status = :status
                           AND (CAST(:at AS TIMESTAMP WITH TIME ZONE) IS NULL
                                OR created_at > :at OR (created_at = :at AND id > :id))
                         ORDER BY created_at, id
                         LIMIT :limit
                        """)
                .param("status", status)
                .param("at", after == null ? null : Timestamps.param(after.at()))
                .param("id", after == null ? null : after.id())
                .param("limit", limit)
                .query((rs, n) -> new QueuedFlag(
                        rs.getObject("id", UUID.class),
                        rs.getObject("message_id", UUID.class),
                        rs.getObject("room_id", UUID.class),
                        rs.getString("reason"),
                        rs.getString("source"),
                        rs.getString("status"),
                        Timestamps.read(rs, "created_at")))
                .list();
    }

    /** Closes the message's open flag with a moderator's decision; false when it had none. */
    public boolean resolveOpen(UUID messageId, String status, String moderatorId, Instant now) {
        return jdbc.sql("""
                        UPDATE flags SET status = :status, open_key = NULL, resolved_by = :by, resolved_at = :now
                         WHERE open_key = :messageId
                        """)
                        .param("status", status)
                        .param("by", moderatorId)
                        .param("now", Timestamps.param(now))
                        .param("messageId", messageId)
                        .update()
                > 0;
    }

    /** The flag a user's earlier report on the message belongs to. */
    public Optional<UUID> findReport(UUID messageId, String userId) {
        return jdbc.sql("SELECT flag_id FROM flag_reports WHERE message_id = :messageId AND user_id = :userId")
                .param("messageId", messageId)
                .param("userId", userId)
                .query(UUID.class)
                .optional();
    }

    public void insertReport(UUID messageId, String userId, UUID flagId, String reason, Instant now) {
        jdbc.sql("""
                        INSERT INTO flag_reports (message_id, user_id, flag_id, reason, created_at)
                        VALUES (:messageId, :userId, :flagId, :reason, :now)
                        """)
                .param("messageId", messageId)
                .param("userId", userId)
                .param("flagId", flagId)
                .param("reason", reason)
                .param("now", Timestamps.param(now))
                .update();
    }

    /** Reporters of a flag, first reporter first (flag_reports_flag_idx). */
    public List<String> reporterIds(UUID flagId) {
        return jdbc.sql("SELECT user_id FROM flag_reports WHERE flag_id = :flagId ORDER BY created_at, user_id")
                .param("flagId", flagId)
                .query(String.class)
                .list();
    }

    private static FlagRow flag(ResultSet rs, int row) throws SQLException {
        return new FlagRow(
                rs.getObject("id", UUID.class),
                rs.getObject("message_id", UUID.class),
                rs.getObject("room_id", UUID.class),
                rs.getString("reason"),
                rs.getString("status"),
                Timestamps.read(rs, "created_at"));
    }
}
