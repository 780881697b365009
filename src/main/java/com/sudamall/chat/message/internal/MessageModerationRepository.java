package com.sudamall.chat.message.internal;

import com.sudamall.chat.web.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for a message's moderation state: held for approval, approved and numbered, rejected, flagged. */
@Repository
public class MessageModerationRepository {

    private final JdbcClient jdbc;

    MessageModerationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A moderator's reject: the message is hidden from the room like a deleted one, its text kept for moderators
     * (in {@code original_content}) and its file released.
     */
    public void markRejected(UUID id, Instant at) {
        jdbc.sql("""
                        UPDATE messages
                           SET original_content = COALESCE(original_content, content), content = '',
                               attachment_id = NULL, ref_snapshot = NULL, is_deleted = TRUE, deleted_at = :at,
                               moderation_status = 'rejected'
                         WHERE id = :id
                        """).param("id", id).param("at", Timestamps.param(at)).update();
    }

    /**
     * Claims a held message for approval: true for one caller only (the row stays locked until its transaction
     * ends), false when it was approved, rejected or deleted meanwhile.
     */
    public boolean claimHeld(UUID id) {
        return jdbc.sql("""
                        UPDATE messages SET moderation_status = 'approved'
                         WHERE id = :id AND seq IS NULL AND moderation_status = 'pending' AND is_deleted = FALSE
                        """).param("id", id).update() == 1;
    }

    /** A claimed held message numbered into its room's order. */
    public void number(UUID id, long seq) {
        jdbc.sql("UPDATE messages SET seq = :seq WHERE id = :id AND seq IS NULL")
                .param("seq", seq)
                .param("id", id)
                .update();
    }

    /** Messages of a room held for approval, oldest first; only the sender's unless {@code senderId} is null. */
    public List<MessageRow> findHeld(UUID roomId, @Nullable String senderId) {
        return jdbc.sql("SELECT " + MessageRepository.COLUMNS + """
                         FROM messages m
                        WHERE m.room_id = :roomId AND m.seq IS NULL AND m.moderation_status = 'pending'
                          AND (CAST(:senderId AS VARCHAR) IS NULL OR m.sender_id = :senderId)
                        ORDER BY m.sent_at, m.id
                        LIMIT 100
                        """)
                .param("roomId", roomId)
                .param("senderId", senderId)
                .query(MessageRepository.ROW)
                .list();
    }

    public void clearFlag(UUID id) {
        jdbc.sql("UPDATE messages SET is_flagged = FALSE WHERE id = :id")
                .param("id", id)
                .update();
    }

    public void markFlagged(UUID id, String reason) {
        jdbc.sql("UPDATE messages SET is_flagged = TRUE, flag_reason = :reason WHERE id = :id")
                .param("id", id)
                .param("reason", reason)
                .update();
    }
}
