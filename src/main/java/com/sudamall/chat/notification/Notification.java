package com.sudamall.chat.notification;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An in-app notification, as {@code GET /api/chat/notifications/} lists it.
 *
 * @param id notification id
 * @param notificationType {@code new_message}, {@code room_created}, {@code participant_added}, {@code
 *     participant_left} or {@code file_shared}
 * @param title short title
 * @param content body text (a message preview for {@code new_message})
 * @param roomId the room concerned
 * @param messageId the message concerned, if any
 * @param isRead whether the user has marked it read
 * @param createdAt when it was created, or last updated for {@code new_message}
 */
public record Notification(
        UUID id,
        String notificationType,
        String title,
        String content,
        UUID roomId,
        @Nullable UUID messageId,
        boolean isRead,
        Instant createdAt) {}
