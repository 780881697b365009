package com.sudamall.chat.notification;

/**
 * A notification was written for a user; their multiplexed sockets get it live.
 *
 * @param userId the recipient
 * @param notification the notification
 */
public record NotificationCreated(String userId, Notification notification) {}
