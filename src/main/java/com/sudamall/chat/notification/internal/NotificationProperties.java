package com.sudamall.chat.notification.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings.
 *
 * @param largeRoomSize rooms with more participants get no per-message notifications ({@code new_message},
 *     {@code file_shared}): each message would write one row per member, so the database work of a send would grow
 *     with the room. Their unread state is the members' read cursors ({@code GET /api/chat/unread/}).
 */
@ConfigurationProperties("chat.notification")
record NotificationProperties(@DefaultValue("100") int largeRoomSize) {}
