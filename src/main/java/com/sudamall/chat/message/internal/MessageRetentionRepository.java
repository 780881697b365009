package com.sudamall.chat.message.internal;

import com.sudamall.chat.web.Rows;
import com.sudamall.chat.web.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for what retention and a privacy erasure look for: messages past retention, everything a user sent. */
@Repository
public class MessageRetentionRepository {

    private final JdbcClient jdbc;

    MessageRetentionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A message past retention.
     *
     * @param id the message
     * @param attachmentId the file it carries
     */
    public record Expired(UUID id, @Nullable UUID attachmentId) {}

    /** The oldest messages sent before the cut-off, outside rooms under legal hold. */
    public List<Expired> findExpired(Instant sentBefore, int limit) {
        return jdbc.sql("""
                        SELECT m.id, m.attachment_id
                          FROM messages m
                          JOIN rooms r ON r.id = m.room_id
                         WHERE m.sent_at < :before AND r.legal_hold = FALSE
                         ORDER BY m.sent_at
                         LIMIT :limit
                        """)
                .param("before", Timestamps.param(sentBefore))
                .param("limit", limit)
                .query((rs, n) ->
                        new Expired(rs.getObject("id", UUID.class), rs.getObject("attachment_id", UUID.class)))
                .list();
    }

    /** Everything the user sent, oldest first, held messages included. */
    public List<MessageRow> findBySender(String senderId) {
        return jdbc.sql("SELECT " + MessageRepository.COLUMNS
                        + " FROM messages m WHERE m.sender_id = :senderId ORDER BY m.sent_at, m.id")
                .param("senderId", senderId)
                .query(MessageRepository.ROW)
                .list();
    }

    /**
     * A message a privacy erasure empties.
     *
     * @param id the message
     * @param roomId its room
     * @param seq its seq; null while held
     * @param attachmentId the file it carries
     * @param messageType its type (a note's removal is no news to the room's customer)
     */
    public record Erasable(
            UUID id,
            UUID roomId,
            @Nullable Long seq,
            @Nullable UUID attachmentId,
            String messageType) {}

    /** The user's messages that still have content, outside rooms under legal hold. */
    public List<Erasable> findErasable(String senderId) {
        return jdbc.sql("""
                        SELECT m.id, m.room_id, m.seq, m.attachment_id, m.message_type
                          FROM messages m
                          JOIN rooms r ON r.id = m.room_id
                         WHERE m.sender_id = :senderId AND r.legal_hold = FALSE
                           AND (m.is_deleted = FALSE OR m.original_content IS NOT NULL)
                        """)
                .param("senderId", senderId)
                .query(Rows.of(Erasable.class))
                .list();
    }
}
