package com.sudamall.chat.notification.internal;

import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.MessageSent;
import com.sudamall.chat.message.MessageType;
import com.sudamall.chat.message.MessagesExpired;
import com.sudamall.chat.notification.Notification;
import com.sudamall.chat.notification.NotificationCreated;
import com.sudamall.chat.notification.internal.NotificationRepository.NewMessage;
import com.sudamall.chat.notification.internal.NotificationRepository.NewNotification;
import com.sudamall.chat.room.Member;
import com.sudamall.chat.room.MemberJoined;
import com.sudamall.chat.room.MemberLeft;
import com.sudamall.chat.room.RoomCreated;
import com.sudamall.chat.room.RoomTitles;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the seed's notifications from room and message events, inside the transaction that caused them, so a
 * notification exists exactly when its cause does.
 */
@Component
class NotificationWriter {

    private static final int PREVIEW_LENGTH = 100;

    private final NotificationRepository notifications;
    private final NewMessageBuffer newMessages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final NotificationProperties properties;
    private final RoomTitles titles;

    NotificationWriter(
            NotificationRepository notifications,
            ApplicationEventPublisher events,
            Clock clock,
            NotificationProperties properties,
            RoomTitles titles) {
        this.notifications = notifications;
        this.newMessages = new NewMessageBuffer(notifications, clock);
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.titles = titles;
    }

    private void write(NewNotification notification) {
        Notification stored = notifications.insert(notification, Timestamps.now(clock));
        events.publishEvent(new NotificationCreated(notification.userId(), stored));
    }

    /** Notifications quote their message: they go with it. */
    @EventListener
    void on(MessagesExpired event) {
        notifications.deleteForMessages(event.messageIds());
    }

    @EventListener
    void on(RoomCreated event) {
        Map<String, String> titles = this.titles.titlesFor(event.roomId(), event.participantIds());
        for (String userId : event.participantIds()) {
            write(new NewNotification(
                    userId,
                    event.roomId(),
                    null,
                    "room_created",
                    "New Chat Room",
                    "Chat room \"" + titles.get(userId) + "\" has been created."));
        }
    }

    @EventListener
    void on(MemberJoined event) {
        write(new NewNotification(
                event.userId(),
                event.roomId(),
                null,
                "participant_added",
                "Added to a chat",
                "You were added to \"" + titles.titleFor(event.roomId(), event.userId()) + "\"."));
    }

    @EventListener
    void on(MemberLeft event) {
        Map<String, String> titles = this.titles.titlesFor(event.roomId(), event.remainingIds());
        for (String userId : event.remainingIds()) {
            write(new NewNotification(
                    userId,
                    event.roomId(),
                    null,
                    "participant_left",
                    "Participant left",
                    "A participant left \"" + titles.get(userId) + "\"."));
        }
    }

    /**
     * One coalesced {@code new_message} row per recipient and room, plus {@code file_shared} for files; none in large
     * rooms.
     */
    @EventListener
    void on(MessageSent event) {
        // a message held for approval is announced once approved, when it is published again with its seq
        if (event.message().seq() == null) {
            return;
        }
        Message message = event.message();
        // a mention is for one person: it is written in large and muted rooms alike
        for (String userId : message.mentions()) {
            write(new NewNotification(
                    userId,
                    message.roomId(),
                    message.id(),
                    "mention",
                    (event.senderName() == null ? "Someone" : event.senderName()) + " mentioned you",
                    preview(message.content())));
        }
        if (event.members().size() > properties.largeRoomSize()) {
            return;
        }
        String senderId = message.sender() == null ? null : message.sender().id();
        List<String> recipients = event.members().stream()
                .map(Member::userId)
                .filter(id -> !Objects.equals(id, senderId))
                .filter(id -> message.messageType() != MessageType.NOTE
                        || !event.room().hidesNotesFrom(id))
                .toList();
        String what = message.messageType() == MessageType.NOTE ? "New note" : "New message";
        String from = event.senderName() == null ? what : what + " from " + event.senderName();
        String preview = preview(message.content());
        newMessages.add(recipients.stream()
                .map(userId -> new NewMessage(userId, message.roomId(), message.id(), from, preview))
                .toList());
        if (message.messageType() == MessageType.IMAGE || message.messageType() == MessageType.FILE) {
            String name = message.attachment() == null
                    ? "a file"
                    : message.attachment().fileName();
            for (String userId : recipients) {
                write(new NewNotification(
                        userId,
                        message.roomId(),
                        message.id(),
                        "file_shared",
                        "File shared",
                        (event.senderName() == null ? "Someone" : event.senderName()) + " shared " + name));
            }
        }
    }

    private static String preview(String content) {
        return content.length() > PREVIEW_LENGTH ? content.substring(0, PREVIEW_LENGTH) + "..." : content;
    }
}
