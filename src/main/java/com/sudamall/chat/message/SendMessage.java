package com.sudamall.chat.message;

import com.sudamall.chat.identity.CurrentUser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Send a message, whichever door it came in by (REST or WebSocket).
 *
 * @param sender the sending user
 * @param roomId the room
 * @param type message type ({@code text} unless a file or a share)
 * @param content the text
 * @param replyTo the message answered, in the same room
 * @param clientMsgId the sender's idempotency key: a retry returns the stored message
 * @param attachmentId an uploaded file to carry
 * @param mentions ids of the room's users the text names
 */
public record SendMessage(
        CurrentUser sender,
        UUID roomId,
        MessageType type,
        @Nullable String content,
        @Nullable UUID replyTo,
        @Nullable String clientMsgId,
        @Nullable UUID attachmentId,
        @Nullable List<@Nullable String> mentions) {

    public SendMessage {
        // kept as given, nulls too: the send path answers a null id with a 400, not this constructor with a 500
        mentions = mentions == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(mentions));
    }

    /** A plain text message. */
    public static SendMessage text(CurrentUser sender, UUID roomId, String content) {
        return new SendMessage(sender, roomId, MessageType.TEXT, content, null, null, null, List.of());
    }
}
