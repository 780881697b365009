package com.sudamall.chat.notification.internal;

import com.sudamall.chat.web.Rows;
import com.sudamall.chat.web.Timestamps;
import com.sudamall.chat.web.Upserts;
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

    // A room alerts for the messages after both the member's read cursor and their alert cursor, once one of them is
    // older than the delay; the user's own interval (last_alert_at) is claimed separately. EXISTS walks the
    // (room_id, seq) index from that point, so a message removed by retention does not silence the room; the team's
    // notes never alert the conversation's customer.
    private static final String UNREAD_ROOMS = """
            SELECT rm.user_id, u.name, u.email, u.email_alerts, rm.room_id, r.name AS room_name,
                   rm.last_read_seq, r.last_seq
            FROM rooms r
            JOIN room_members rm ON rm.room_id = r.id
            JOIN users u ON u.id = rm.user_id
            LEFT JOIN alert_cursors ac ON ac.room_id = rm.room_id AND ac.user_id = rm.user_id
            WHERE r.activity_at >= :since
              AND r.is_active
              AND rm.user_id > :afterUser
              AND NOT rm.is_muted
              AND NOT u.is_erased
              AND (:anyone
                   OR (:email AND u.email_alerts AND u.email IS NOT NULL)
                   OR (:push AND EXISTS (SELECT 1 FROM push_subscriptions ps WHERE ps.user_id = rm.user_id)))
              AND (u.last_alert_at IS NULL OR u.last_alert_at <= :alertedBefore)
              AND r.last_seq > GREATEST(rm.last_read_seq, COALESCE(ac.alerted_seq, 0))
              AND EXISTS (SELECT 1 FROM messages m
                           WHERE m.room_id = rm.room_id
                             AND m.seq > GREATEST(rm.last_read_seq, COALESCE(ac.alerted_seq, 0))
                             AND m.sent_at <= :unreadSince
                             AND (m.message_type <> 'note' OR r.customer_id <> rm.user_id))
            ORDER BY rm.user_id, r.last_message_at DESC
            LIMIT :limit
            """;

    /**
     * Unread rooms of users who may be alerted, by user id from {@code afterUser} on.
     *
     * @param since rooms without activity since are not looked at
     * @param unreadSince a room counts once one of its unalerted unread messages is this old
     * @param alertedBefore users alerted after this are skipped
     * @param anyone false to look only at users who want e-mail or, with {@code push}, have a subscribed browser
     * @param email whether users who want e-mail are alerted (this node has an SMTP server)
     * @param push whether users with a subscribed browser are alerted
     * @param afterUser the page starts after this user id ({@code ""} for the first)
     */
    List<UnreadRoom> unreadRooms(
            Instant since,
            Instant unreadSince,
            Instant alertedBefore,
            boolean anyone,
            boolean email,
            boolean push,
            String afterUser,
            int limit) {
        return jdbc.sql(UNREAD_ROOMS)
                .param("since", Timestamps.param(since))
                .param("unreadSince", Timestamps.param(unreadSince))
                .param("alertedBefore", Timestamps.param(alertedBefore))
                .param("anyone", anyone)
                .param("email", email)
                .param("push", push)
                .param("afterUser", afterUser)
                .param("limit", limit)
                .query(Rows.of(UnreadRoom.class))
                .list();
    }

    /** The user was alerted about the room up to {@code seq}; in the alert's transaction. */
    void markAlerted(UUID roomId, String userId, long seq) {
        // no race to lose on the insert: the caller holds the user's alert claim
        Upserts.updateOrInsert(
                () -> jdbc.sql(
                                "UPDATE alert_cursors SET alerted_seq = :seq WHERE room_id = :roomId AND user_id = :userId")
                        .param("seq", seq)
                        .param("roomId", roomId)
                        .param("userId", userId)
                        .update(),
                () -> jdbc.sql(
                                "INSERT INTO alert_cursors (room_id, user_id, alerted_seq) VALUES (:roomId, :userId, :seq)")
                        .param("seq", seq)
                        .param("roomId", roomId)
                        .param("userId", userId)
                        .update());
    }
}
