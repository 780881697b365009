package com.sudamall.chat.notification.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A missed-message alert: a user had unread messages for a while with no socket open. The event publication registry
 * stores it with the claim on the user's alert interval, so it is sent once even across a crash; it is also the data
 * of the {@code notification.missed} webhook.
 *
 * @param alertId the alert's id (the e-mail's {@code Message-ID})
 * @param user who missed the messages
 * @param unreadTotal unread messages over the rooms listed
 * @param rooms the rooms with unread messages, muted rooms left out
 */
public record MissedMessages(UUID alertId, Recipient user, long unreadTotal, List<RoomUnread> rooms) {

    /**
     * @param id the user's id
     * @param name their name
     * @param email their address, if the platform gave one
     * @param emailAlerts false when they opted out of e-mail
     */
    public record Recipient(
            String id, @Nullable String name, @Nullable String email, boolean emailAlerts) {

        boolean wantsEmail() {
            return emailAlerts && email != null && !email.isBlank();
        }
    }

    /**
     * @param roomId the room
     * @param name its name
     * @param unread messages the user has not read there
     * @param latest the newest of them, oldest first
     * @param mentionedBy who named the user in them, first first
     */
    public record RoomUnread(UUID roomId, String name, long unread, List<Preview> latest, List<String> mentionedBy) {}

    /**
     * @param messageId the message
     * @param sender its sender's name; null for system messages
     * @param content its text
     * @param sentAt when it was sent
     */
    public record Preview(UUID messageId, @Nullable String sender, String content, Instant sentAt) {

        /** Who sent it, as an alert names them: the marketplace itself for system messages. */
        String from() {
            return sender == null ? "Sudamall" : sender;
        }

        /** The text on one line, cut after {@code max} characters. */
        String quoted(int max) {
            String line = content.replaceAll("\\s+", " ").strip();
            return line.length() <= max ? line : line.substring(0, max) + "…";
        }
    }
}
