package com.sudamall.chat.notification.internal;

import com.sudamall.chat.notification.Notification;
import com.sudamall.chat.web.TimeCursor;
import com.sudamall.chat.web.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
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

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
             WHERE room_id = :roomId AND coalesce_key = 'new_message' AND user_id IN (:userIds)
            """;

    private static final String INSERT_NEW_MESSAGE = """
            INSERT INTO notifications (id, user_id, room_id, message_id, notification_type, title, content,
                                       coalesce_key, created_at)
            VALUES (:id, :userId, :roomId, :messageId, 'new_message', :title, :content, 'new_message', :now)
            ON CONFLICT DO NOTHING
            """;

    /**
     * Points each recipient's one {@code new_message} row of the room at this message and marks it unread,
     * creating the rows that do not exist yet ({@code notifications_coalesce_uk}).
     */
    void upsertNewMessage(
            Collection<String> userIds, UUID roomId, UUID messageId, String title, String content, Instant now) {
        if (userIds.isEmpty()) {
            return;
        }
        int updated = jdbc.sql(REFRESH_NEW_MESSAGE)
                .param("userIds", List.copyOf(userIds))
                .param("roomId", roomId)
                .param("messageId", messageId)
                .param("title", title)
                .param("content", content)
                .param("now", Timestamps.param(now))
                .update();
        if (updated == userIds.size()) {
            return;
        }
        for (String userId : userIds) {
            jdbc.sql(INSERT_NEW_MESSAGE)
                    .param("id", UUID.randomUUID())
                    .param("userId", userId)
                    .param("roomId", roomId)
                    .param("messageId", messageId)
                    .param("title", title)
                    .param("content", content)
                    .param("now", Timestamps.param(now))
                    .update();
        }
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
