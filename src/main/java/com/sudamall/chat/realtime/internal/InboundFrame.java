package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.message.MessageType;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Client → server frames of API.md, decoded by {@link FrameCodec}. On a multiplexed socket each frame names its
 * room ({@code room_id}); on a room socket the room is the socket's own.
 */
sealed interface InboundFrame {

    /** The room the frame names, if any. */
    @Nullable
    UUID roomId();

    /** A message to send: text, or the store desk's internal note ({@code "message_type": "note"}). */
    record Text(
            @Nullable UUID roomId,
            String content,
            @Nullable UUID replyTo,
            @Nullable String clientMsgId,
            MessageType type,
            List<String> mentions)
            implements InboundFrame {}

    record Typing(@Nullable UUID roomId, boolean isTyping) implements InboundFrame {}

    record Read(@Nullable UUID roomId, UUID upTo) implements InboundFrame {}

    record Resume(@Nullable UUID roomId, long afterSeq) implements InboundFrame {}

    record Ping(@Nullable UUID roomId) implements InboundFrame {}
}
