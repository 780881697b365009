package com.sudamall.chat.message.internal;

import com.sudamall.chat.message.MessageType;
import com.sudamall.chat.web.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code messages}. */
@Repository
public class MessageRepository {

    static final String COLUMNS = """
            m.id, m.room_id, m.seq, m.sender_id, m.message_type, m.content, m.original_content, m.client_msg_id,
            m.reply_to, m.ref_type, m.ref_id, m.ref_snapshot, m.attachment_id, m.moderation_status, m.is_flagged,
            m.flag_reason, m.is_edited, m.is_deleted, m.sent_at, m.edited_at
            """;

    static final RowMapper<MessageRow> ROW = MessageRepository::row;

    private final JdbcClient jdbc;

    private final NamedParameterJdbcTemplate named;

    MessageRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    private static final String INSERT = """
            INSERT INTO messages (id, room_id, seq, sender_id, message_type, content, original_content, client_msg_id,
                                  reply_to, ref_type, ref_id, ref_snapshot, attachment_id, moderation_status,
                                  is_flagged, flag_reason, sent_at)
            VALUES (:id, :roomId, :seq, :senderId, :type, :content, :originalContent, :clientMsgId,
                    :replyTo, :refType, :refId, :refSnapshot, :attachmentId, :moderationStatus,
                    :isFlagged, :flagReason, :sentAt)
            """;

    /** Inserts the rows as one JDBC batch (one round trip on PostgreSQL). */
    public void insertAll(List<MessageRow> rows) {
        named.batchUpdate(
                INSERT, rows.stream().map(MessageRepository::insertParams).toArray(SqlParameterSource[]::new));
    }

    private static SqlParameterSource insertParams(MessageRow row) {
        return new MapSqlParameterSource()
                .addValue("id", row.id())
                .addValue("roomId", row.roomId())
                .addValue("seq", row.seq())
                .addValue("senderId", row.senderId())
                .addValue("type", row.type().wireName())
                .addValue("content", row.content())
                .addValue("originalContent", row.originalContent())
                .addValue("clientMsgId", row.clientMsgId())
                .addValue("replyTo", row.replyTo())
                .addValue("refType", row.refType())
                .addValue("refId", row.refId())
                .addValue("refSnapshot", row.refSnapshot())
                .addValue("attachmentId", row.attachmentId())
                .addValue("moderationStatus", row.moderationStatus())
                .addValue("isFlagged", row.isFlagged())
                .addValue("flagReason", row.flagReason())
                .addValue("sentAt", Timestamps.param(row.sentAt()));
    }

    public Optional<MessageRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM messages m WHERE m.id = :id")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    /**
     * A send's idempotency key ({@code messages_idempotency_uk}).
     *
     * @param roomId the room
     * @param senderId the sender
     * @param clientMsgId the sender's id for the message
     */
    public record ClientKey(UUID roomId, String senderId, String clientMsgId) {}

    // The IN lists narrow each column of messages_idempotency_uk; rows matching across keys are dropped by the caller.
    private static final String BY_CLIENT_KEYS = """
            SELECT %s
              FROM messages m
             WHERE m.room_id IN (:roomIds) AND m.sender_id IN (:senderIds) AND m.client_msg_id IN (:clientMsgIds)
            """.formatted(COLUMNS);

    /** The stored messages of earlier sends with these keys. */
    public Map<ClientKey, MessageRow> findByClientKeys(Collection<ClientKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<ClientKey, MessageRow> found = new HashMap<>();
        jdbc
                .sql(BY_CLIENT_KEYS)
                .param(
                        "roomIds",
                        keys.stream().map(ClientKey::roomId).distinct().toList())
                .param(
                        "senderIds",
                        keys.stream().map(ClientKey::senderId).distinct().toList())
                .param(
                        "clientMsgIds",
                        keys.stream().map(ClientKey::clientMsgId).distinct().toList())
                .query(ROW)
                .stream()
                .forEach(row -> {
                    ClientKey key = new ClientKey(row.roomId(), row.senderId(), row.clientMsgId());
                    if (keys.contains(key)) {
                        found.put(key, row);
                    }
                });
        return found;
    }

    // The seq range of a page: seq is gapless, so a page of the seed's form is a range scan on messages_room_seq_uk.
    // A reader kept from notes (a conversation's customer) skips them within the same scan.
    private static final String SEQ_RANGE_NEWEST_FIRST = """
            SELECT %s
              FROM messages m
             WHERE m.room_id = :roomId AND m.seq > :afterSeq AND m.seq < :beforeSeq
               AND (:withNotes OR m.message_type <> 'note')
             ORDER BY m.seq DESC
             LIMIT :limit
            """.formatted(COLUMNS);

    private static final String SEQ_RANGE_OLDEST_FIRST = """
            SELECT %s
              FROM messages m
             WHERE m.room_id = :roomId AND m.seq > :afterSeq AND m.seq < :beforeSeq
               AND (:withNotes OR m.message_type <> 'note')
             ORDER BY m.seq ASC
             LIMIT :limit
            """.formatted(COLUMNS);

    /** Which end of a seq range a page starts from. */
    public enum From {
        /** The newest messages of the range (scrolling back, the seed's pages). */
        NEWEST,
        /** The oldest messages of the range (resume, catch-up). */
        OLDEST
    }

    /**
     * Up to {@code limit} messages with {@code afterSeq < seq < beforeSeq}, in the order {@code from} gives.
     *
     * @param withNotes whether the store desk's internal notes are among them
     */
    public List<MessageRow> findBetween(
            UUID roomId, long afterSeq, long beforeSeq, int limit, From from, boolean withNotes) {
        return jdbc.sql(from == From.NEWEST ? SEQ_RANGE_NEWEST_FIRST : SEQ_RANGE_OLDEST_FIRST)
                .param("roomId", roomId)
                .param("afterSeq", afterSeq)
                .param("beforeSeq", beforeSeq)
                .param("withNotes", withNotes)
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    /** The newest message of each room (the one whose seq is the room's {@code last_seq}). */
    public List<MessageRow> findLatest(Collection<UUID> roomIds) {
        if (roomIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT %s
                          FROM rooms r
                          JOIN messages m ON m.room_id = r.id AND m.seq = r.last_seq
                         WHERE r.id IN (:roomIds)
                        """.formatted(COLUMNS))
                .param("roomIds", List.copyOf(roomIds))
                .query(ROW)
                .list();
    }

    public void updateContent(UUID id, String content, @Nullable String original, Instant editedAt) {
        jdbc.sql("""
                        UPDATE messages SET content = :content, original_content = :original, is_edited = TRUE,
                               edited_at = :editedAt
                         WHERE id = :id
                        """)
                .param("id", id)
                .param("content", content)
                .param("original", original)
                .param("editedAt", Timestamps.param(editedAt))
                .update();
    }

    /** Soft delete of many, erasing everything (a privacy erasure): no text is kept, reported or not. */
    public void markAllDeleted(Collection<UUID> ids, Instant deletedAt) {
        softDelete(ids, deletedAt, false);
    }

    /** Removes the rows for good (their flags go with them). */
    public void deleteAll(Collection<UUID> ids) {
        jdbc.sql("DELETE FROM messages WHERE id IN (:ids)").param("ids", ids).update();
    }

    /**
     * Soft delete: the row keeps its id and seq, its text and file are gone from the room. A reported message's text
     * stays for moderators (in {@code original_content}, as a rejected one's does): deleting it must not empty the
     * report.
     */
    public void markDeleted(UUID id, Instant deletedAt) {
        softDelete(List.of(id), deletedAt, true);
    }

    private void softDelete(Collection<UUID> ids, Instant deletedAt, boolean keepReported) {
        jdbc.sql("""
                        UPDATE messages
                           SET original_content = CASE
                                   WHEN :keepReported AND EXISTS (SELECT 1 FROM flags f WHERE f.message_id = messages.id)
                                   THEN COALESCE(original_content, content) END,
                               content = '', attachment_id = NULL, ref_snapshot = NULL,
                               is_deleted = TRUE, deleted_at = :deletedAt,
                               moderation_status = CASE WHEN seq IS NULL THEN 'rejected' ELSE moderation_status END
                         WHERE id IN (:ids)
                        """)
                .param("ids", ids)
                .param("keepReported", keepReported)
                .param("deletedAt", Timestamps.param(deletedAt))
                .update();
    }

    private static MessageRow row(ResultSet rs, int row) throws SQLException {
        long seq = rs.getLong("seq");
        Long seqOrNull = rs.wasNull() ? null : seq;
        return new MessageRow(
                rs.getObject("id", UUID.class),
                rs.getObject("room_id", UUID.class),
                seqOrNull,
                rs.getString("sender_id"),
                MessageType.valueOf(rs.getString("message_type").toUpperCase(Locale.ROOT)),
                rs.getString("content"),
                rs.getString("original_content"),
                rs.getString("client_msg_id"),
                rs.getObject("reply_to", UUID.class),
                rs.getString("ref_type"),
                rs.getString("ref_id"),
                rs.getString("ref_snapshot"),
                rs.getObject("attachment_id", UUID.class),
                rs.getString("moderation_status"),
                rs.getBoolean("is_flagged"),
                rs.getString("flag_reason"),
                rs.getBoolean("is_edited"),
                rs.getBoolean("is_deleted"),
                Timestamps.read(rs, "sent_at"),
                Timestamps.read(rs, "edited_at"));
    }
}
