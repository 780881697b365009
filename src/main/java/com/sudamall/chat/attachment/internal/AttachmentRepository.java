package com.sudamall.chat.attachment.internal;

import com.sudamall.chat.web.Rows;
import com.sudamall.chat.web.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code attachments}. */
@Repository
class AttachmentRepository {

    private static final String COLUMNS = """
            id, room_id, uploader_id, message_id, storage_key, thumbnail_key, file_name, file_size, file_type, sha256,
            width, height, thumbnail_size, thumbnail_type, created_at, released_at""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    AttachmentRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    void insert(AttachmentRow row) {
        jdbc.sql("""
                        INSERT INTO attachments (id, room_id, uploader_id, storage_key, thumbnail_key, file_name,
                                                 file_size, file_type, sha256, width, height, thumbnail_size,
                                                 thumbnail_type, created_at)
                        VALUES (:id, :roomId, :uploaderId, :storageKey, :thumbnailKey, :fileName, :fileSize,
                                :fileType, :sha256, :width, :height, :thumbnailSize, :thumbnailType, :createdAt)
                        """)
                .param("id", row.id())
                .param("roomId", row.roomId())
                .param("uploaderId", row.uploaderId())
                .param("storageKey", row.storageKey())
                .param("thumbnailKey", row.thumbnailKey())
                .param("fileName", row.fileName())
                .param("fileSize", row.fileSize())
                .param("fileType", row.fileType())
                .param("sha256", row.sha256())
                .param("width", row.width())
                .param("height", row.height())
                .param("thumbnailSize", row.thumbnailSize())
                .param("thumbnailType", row.thumbnailType())
                .param("createdAt", Timestamps.param(row.createdAt()))
                .update();
    }

    Optional<AttachmentRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM attachments WHERE id = :id")
                .param("id", id)
                .query(AttachmentRepository::row)
                .optional();
    }

    List<AttachmentRow> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM attachments WHERE id IN (:ids)")
                .param("ids", ids)
                .query(AttachmentRepository::row)
                .list();
    }

    /**
     * Ties each attachment to the message that carries it; an attachment another message already carries is not
     * changed. Returns how many were tied.
     */
    int claim(Map<UUID, UUID> messageByAttachment) {
        MapSqlParameterSource[] batch = messageByAttachment.entrySet().stream()
                .map(e -> new MapSqlParameterSource().addValue("id", e.getKey()).addValue("messageId", e.getValue()))
                .toArray(MapSqlParameterSource[]::new);
        int[] counts = named.batchUpdate(
                "UPDATE attachments SET message_id = :messageId WHERE id = :id AND message_id IS NULL", batch);
        int tied = 0;
        for (int count : counts) {
            // a batched statement whose count the driver does not report (-2) did run
            tied += count == -2 ? 1 : count;
        }
        return tied;
    }

    void release(Collection<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE attachments SET released_at = :now WHERE id IN (:ids) AND released_at IS NULL")
                .param("ids", ids)
                .param("now", Timestamps.param(now))
                .update();
    }

    List<AttachmentRow> uploadedBy(String uploaderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM attachments WHERE uploader_id = :uploaderId ORDER BY created_at")
                .param("uploaderId", uploaderId)
                .query(Rows.of(AttachmentRow.class))
                .list();
    }

    void releaseUploadsOf(String uploaderId, Instant now) {
        // files in rooms under legal hold are kept, as their messages are
        jdbc.sql("""
                        UPDATE attachments SET released_at = :now
                         WHERE uploader_id = :uploaderId AND released_at IS NULL
                           AND room_id NOT IN (SELECT id FROM rooms WHERE legal_hold = TRUE)
                        """)
                .param("uploaderId", uploaderId)
                .param("now", Timestamps.param(now))
                .update();
    }

    /** Uploads no message carries, older than the cut-off, oldest first. */
    List<AttachmentRow> orphans(Instant uploadedBefore, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM attachments
                        WHERE message_id IS NULL AND created_at < :before
                        ORDER BY created_at
                        LIMIT :limit
                        """)
                .param("before", Timestamps.param(uploadedBefore))
                .param("limit", limit)
                .query(AttachmentRepository::row)
                .list();
    }

    /** Files whose message was deleted. */
    List<AttachmentRow> released(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM attachments
                        WHERE released_at IS NOT NULL
                        ORDER BY released_at
                        LIMIT :limit
                        """)
                .param("limit", limit)
                .query(AttachmentRepository::row)
                .list();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM attachments WHERE id = :id").param("id", id).update();
    }

    private static AttachmentRow row(ResultSet rs, int n) throws SQLException {
        return new AttachmentRow(
                rs.getObject("id", UUID.class),
                rs.getObject("room_id", UUID.class),
                rs.getString("uploader_id"),
                rs.getObject("message_id", UUID.class),
                rs.getString("storage_key"),
                rs.getString("thumbnail_key"),
                rs.getString("file_name"),
                rs.getLong("file_size"),
                rs.getString("file_type"),
                rs.getString("sha256"),
                rs.getObject("width", Integer.class),
                rs.getObject("height", Integer.class),
                rs.getObject("thumbnail_size", Long.class),
                rs.getString("thumbnail_type"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "released_at"));
    }
}
