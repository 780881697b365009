package com.sudamall.chat.notification.internal;

import com.sudamall.chat.web.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who has missed messages. A read-only query across rooms, members, users and messages: the unread state lives in
 * the read cursors ({@code room_members.last_read_seq}), and only a join says how long it has been unread.
 */
@Repository
class AlertRepository {

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One unread, unmuted room of a user who may be alerted.
     *
     * @param userId the user
     * @param name their name
     * @param email their e-mail
     * @param emailAlerts whether they want e-mail
     * @param roomId the room
     * @param roomName its name
     * @param lastReadSeq the user's read cursor there
     * @param lastSeq the room's newest seq
     */
    record UnreadRoom(
            String userId,
            @Nullable String name,
            @Nullable String email,
            boolean emailAlerts,
            UUID roomId,
            String roomName,
            long lastReadSeq,
            long lastSeq) {}

    // The first unread message (seq = cursor + 1) says how long the room has been unread. A user alerted before is
    // alerted again only for rooms with messages since, and once min-interval has passed.
    private static final String UNREAD_ROOMS = """
            SELECT rm.user_id, u.name, u.email, u.email_alerts, rm.room_id, r.name AS room_name,
                   rm.last_read_seq, r.last_seq
            FROM rooms r
            JOIN room_members rm ON rm.room_id = r.id
            JOIN users u ON u.id = rm.user_id
            JOIN messages first_unread ON first_unread.room_id = rm.room_id AND first_unread.seq = rm.last_read_seq + 1
            WHERE r.activity_at >= :since
              AND r.is_active
              AND r.last_seq > rm.last_read_seq
              AND NOT rm.is_muted
              AND NOT u.is_erased
              AND (:anyone OR (u.email_alerts AND u.email IS NOT NULL))
              AND first_unread.sent_at <= :unreadSince
              AND (u.last_alert_at IS NULL
                   OR (u.last_alert_at <= :alertedBefore AND r.last_message_at > u.last_alert_at))
            ORDER BY rm.user_id, r.last_message_at DESC
            LIMIT :limit
            """;

    /**
     * Unread rooms of users who may be alerted, grouped by user.
     *
     * @param since rooms without activity since are not looked at
     * @param unreadSince a room counts once its first unread message is this old
     * @param alertedBefore users alerted after this are skipped
     * @param anyone false to look only at users who want e-mail
     */
    List<UnreadRoom> unreadRooms(Instant since, Instant unreadSince, Instant alertedBefore, boolean anyone, int limit) {
        return jdbc.sql(UNREAD_ROOMS)
                .param("since", Timestamps.param(since))
                .param("unreadSince", Timestamps.param(unreadSince))
                .param("alertedBefore", Timestamps.param(alertedBefore))
                .param("anyone", anyone)
                .param("limit", limit)
                .query(UnreadRoom.class)
                .list();
    }
}
