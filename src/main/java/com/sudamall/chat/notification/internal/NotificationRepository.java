package com.sudamall.chat.notification.internal;

import com.sudamall.chat.notification.Notification;
import com.sudamall.chat.web.TimeCursor;
import com.sudamall.chat.web.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code notifications}. */
@Repository
public class NotificationRepository {

    static final String NEW_MESSAGE = "new_message";

    private static final String COLUMNS =
            "id, notification_type, title, content, room_id, message_id, is_read, created_at";

    private static final RowMapper<Notification> NOTIFICATION = NotificationRepository::notification;

    private final JdbcClient jdbc;

    private final NamedParameterJdbcTemplate named;

    NotificationRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /**
     * A notification to insert.
     *
     * @param userId recipient
     * @param roomId room concerned
     * @param messageId message concerned
     * @param type notification type
     * @param title short title
     * @param content body
     */
    record NewNotification(
            String userId, UUID roomId, @Nullable UUID messageId, String type, String title, String content) {}

    public void deleteForUser(String userId) {
        jdbc.sql("DELETE FROM notifications WHERE user_id = :userId")
                .param("userId", userId)
                .update();
    }

    void deleteForMessages(List<UUID> messageIds) {
        jdbc.sql("DELETE FROM notifications WHERE message_id IN (:ids)")
                .param("ids", messageIds)
                .update();
    }

    Notification insert(NewNotification n, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO notifications (id, user_id, room_id, message_id, notification_type, title, content,
                                                   created_at)
                        VALUES (:id, :userId, :roomId, :messageId, :type, :title, :content, :now)
                        """)
                .param("id", id)
                .param("userId", n.userId())
                .param("roomId", n.roomId())
                .param("messageId", n.messageId())
                .param("type", n.type())
                .param("title", n.title())
                .param("content", n.content())
                .param("now", Timestamps.param(now))
                .update();
        return new Notification(id, n.type(), n.title(), n.content(), n.roomId(), n.messageId(), false, now);
    }

    private static final String REFRESH_NEW_MESSAGE = """
            UPDATE notifications
               SET message_id = :messageId, title = :title, content = :content, is_read = FALSE, created_at = :now
             WHERE user_id = :userId AND room_id = :roomId AND coalesce_key = 'new_message'
            """;

    private static final String INSERT_NEW_MESSAGE = """
            INSERT INTO notifications (id, user_id, room_id, message_id, notification_type, title, content,
                                       coalesce_key, created_at)
            VALUES (:id, :userId, :roomId, :messageId, 'new_message', :title, :content, 'new_message', :now)
            ON CONFLICT DO NOTHING
            """;

    /**
     * A recipient's {@code new_message} notification of a room.
     *
     * @param userId the recipient
     * @param roomId the room
     * @param messageId the newest message
     * @param title who it is from
     * @param content a preview of the message
     */
    record NewMessage(String userId, UUID roomId, UUID messageId, String title, String content) {}

    /**
     * Points each recipient's one {@code new_message} row of the room at its message and marks it unread, creating
     * the rows that do not exist yet ({@code notifications_coalesce_uk}): a JDBC batch of updates, then one of
     * inserts for the rows no update found.
     */
    void upsertNewMessages(List<NewMessage> notes, Instant now) {
        if (notes.isEmpty()) {
            return;
        }
        int[] updated = named.batchUpdate(
                REFRESH_NEW_MESSAGE,
                notes.stream().map(n -> newMessageParams(n, now)).toArray(SqlParameterSource[]::new));
        List<SqlParameterSource> missing = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            // The driver may answer SUCCESS_NO_INFO (-2) for a batched statement: insert, ON CONFLICT keeps it safe.
            if (updated[i] != 1) {
                missing.add(newMessageParams(notes.get(i), now).addValue("id", UUID.randomUUID()));
            }
        }
        if (!missing.isEmpty()) {
            named.batchUpdate(INSERT_NEW_MESSAGE, missing.toArray(SqlParameterSource[]::new));
        }
    }

    private static MapSqlParameterSource newMessageParams(NewMessage note, Instant now) {
        return new MapSqlParameterSource()
                .addValue("userId", note.userId())
                .addValue("roomId", note.roomId())
                .addValue("messageId", note.messageId())
                .addValue("title", note.title())
                .addValue("content", note.content())
                .addValue("now", Timestamps.param(now));
    }

    private static final String FIRST_PAGE = """
            SELECT %s
              FROM notifications
             WHERE user_id = :userId AND (:unreadOnly = FALSE OR is_read = FALSE)
             ORDER BY created_at DESC, id DESC
             LIMIT :limit
            """.formatted(COLUMNS);

    private static final String NEXT_PAGE = """
            SELECT %s
              FROM notifications
             WHERE user_id = :userId AND (:unreadOnly = FALSE OR is_read = FALSE)
               AND (created_at < :at OR (created_at = :at AND id < :id))
             ORDER BY created_at DESC, id DESC
             LIMIT :limit
            """.formatted(COLUMNS);

    /** The user's notifications, newest first (notifications_user_idx). */
    public List<Notification> findForUser(String userId, boolean unreadOnly, @Nullable TimeCursor after, int limit) {
        JdbcClient.StatementSpec spec = after == null
                ? jdbc.sql(FIRST_PAGE)
                : jdbc.sql(NEXT_PAGE).param("at", Timestamps.param(after.at())).param("id", after.id());
        return spec.param("userId", userId)
                .param("unreadOnly", unreadOnly)
                .param("limit", limit)
                .query(NOTIFICATION)
                .list();
    }

    public int markRead(String userId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql(
                        "UPDATE notifications SET is_read = TRUE WHERE user_id = :userId AND is_read = FALSE AND id IN (:ids)")
                .param("userId", userId)
                .param("ids", ids)
                .update();
    }

    public int markAllRead(String userId) {
        return jdbc.sql("UPDATE notifications SET is_read = TRUE WHERE user_id = :userId AND is_read = FALSE")
                .param("userId", userId)
                .update();
    }

    private static Notification notification(ResultSet rs, int row) throws SQLException {
        return new Notification(
                rs.getObject("id", UUID.class),
                rs.getString("notification_type"),
                rs.getString("title"),
                rs.getString("content"),
                rs.getObject("room_id", UUID.class),
                rs.getObject("message_id", UUID.class),
                rs.getBoolean("is_read"),
                Timestamps.read(rs, "created_at"));
    }
}
