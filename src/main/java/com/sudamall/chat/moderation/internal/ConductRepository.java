package com.sudamall.chat.moderation.internal;

import com.sudamall.chat.web.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code blocks} and {@code user_mutes}. */
@Repository
class ConductRepository {

    private final JdbcClient jdbc;

    ConductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Who has blocked the user. */
    List<String> blockersOf(String userId) {
        return jdbc.sql("SELECT blocker_id FROM blocks WHERE blocked_id = :userId")
                .param("userId", userId)
                .query(String.class)
                .list();
    }

    /** Whom the user has blocked, newest first. */
    List<String> blockedBy(String userId) {
        return jdbc.sql("SELECT blocked_id FROM blocks WHERE blocker_id = :userId ORDER BY created_at DESC")
                .param("userId", userId)
                .query(String.class)
                .list();
    }

    void block(String blockerId, String blockedId, Instant now) {
        jdbc.sql("""
                        INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (:blocker, :blocked, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .param("blocker", blockerId)
                .param("blocked", blockedId)
                .param("now", Timestamps.param(now))
                .update();
    }

    boolean unblock(String blockerId, String blockedId) {
        return jdbc.sql("DELETE FROM blocks WHERE blocker_id = :blocker AND blocked_id = :blocked")
                        .param("blocker", blockerId)
                        .param("blocked", blockedId)
                        .update()
                > 0;
    }

    /** Until when the user is muted, if a mute was ever set. */
    Optional<Instant> mutedUntil(String userId) {
        return jdbc.sql("SELECT muted_until FROM user_mutes WHERE user_id = :userId")
                .param("userId", userId)
                .query((rs, n) -> Timestamps.read(rs, "muted_until"))
                .optional();
    }

    void mute(String userId, String mutedBy, @Nullable String reason, Instant until, Instant now) {
        // no race to lose on the insert: a second moderator's mute at the same moment may simply not win
        int updated = bind(jdbc.sql("""
                                UPDATE user_mutes SET muted_by = :mutedBy, reason = :reason, muted_until = :until,
                                       created_at = :now
                                 WHERE user_id = :userId
                                """), userId, mutedBy, reason, until, now).update();
        if (updated == 0) {
            bind(jdbc.sql("""
                                    INSERT INTO user_mutes (user_id, muted_by, reason, muted_until, created_at)
                                    VALUES (:userId, :mutedBy, :reason, :until, :now)
                                    ON CONFLICT DO NOTHING
                                    """), userId, mutedBy, reason, until, now).update();
        }
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec spec,
            String userId,
            String mutedBy,
            @Nullable String reason,
            Instant until,
            Instant now) {
        return spec.param("userId", userId)
                .param("mutedBy", mutedBy)
                .param("reason", reason)
                .param("until", Timestamps.param(until))
                .param("now", Timestamps.param(now));
    }

    boolean unmute(String userId) {
        return jdbc.sql("DELETE FROM user_mutes WHERE user_id = :userId")
                        .param("userId", userId)
                        .update()
                > 0;
    }
}
