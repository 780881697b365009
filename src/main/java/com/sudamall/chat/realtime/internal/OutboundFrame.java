package com.sudamall.chat.realtime.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.sudamall.chat.identity.User;
import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.Reaction;
import com.sudamall.chat.notification.Notification;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Server → client frames of API.md. Each is serialized once per room event, with its {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
sealed interface OutboundFrame {

    @JsonTypeName("message")
    record MessageFrame(UUID roomId, Message message) implements OutboundFrame {}

    @JsonTypeName("ack")
    record Ack(UUID roomId, @Nullable String clientMsgId, Message message) implements OutboundFrame {}

    @JsonTypeName("message_edited")
    record MessageEdited(UUID roomId, Message message) implements OutboundFrame {}

    /** A message's link preview arrived (or went): the message as the room sees it, with its {@code preview}. */
    @JsonTypeName("preview")
    record PreviewFrame(UUID roomId, Message message) implements OutboundFrame {}

    /** A reaction given ({@code added}) or taken back, with the message's reactions after it. */
    @JsonTypeName("reaction")
    record ReactionFrame(UUID roomId, UUID messageId, User user, String emoji, boolean added, List<Reaction> reactions)
            implements OutboundFrame {}

    @JsonTypeName("message_deleted")
    record MessageDeleted(UUID roomId, DeletedRef message) implements OutboundFrame {}

    record DeletedRef(UUID id, @Nullable Long seq) {}

    @JsonTypeName("typing")
    record Typing(UUID roomId, User user, boolean isTyping) implements OutboundFrame {}

    @JsonTypeName("user_joined")
    record UserJoined(UUID roomId, User user) implements OutboundFrame {}

    @JsonTypeName("user_left")
    record UserLeft(UUID roomId, User user) implements OutboundFrame {}

    @JsonTypeName("read")
    record Read(UUID roomId, User user, long upToSeq) implements OutboundFrame {}

    @JsonTypeName("delivered")
    record Delivered(UUID roomId, User user, long upToSeq) implements OutboundFrame {}

    @JsonTypeName("presence")
    record Presence(UUID roomId, PresenceUser user, boolean online) implements OutboundFrame {}

    /** A user card with when they were last connected. */
    record PresenceUser(
            String id,
            String name,
            @Nullable String avatarUrl,
            @Nullable Instant lastSeenAt) {}

    /** The receiver's unread count in one room, on {@code /ws/chat/} only. */
    @JsonTypeName("unread")
    record Unread(UUID roomId, long unreadCount) implements OutboundFrame {}

    @JsonTypeName("error")
    /** A refused frame; a refused {@code text} names its {@code client_msg_id}, so the client can stop retrying it. */
    record Error(
            String message,
            String code,
            @Nullable UUID roomId,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String clientMsgId,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            Long retryAfter)
            implements OutboundFrame {

        Error(String message, String code, @Nullable UUID roomId) {
            this(message, code, roomId, null, null);
        }
    }

    @JsonTypeName("notification")
    record NotificationFrame(Notification notification) implements OutboundFrame {}

    @JsonTypeName("pong")
    record Pong() implements OutboundFrame {}
}
