package com.sudamall.chat.message;

import com.sudamall.chat.message.internal.MessageProperties;
import com.sudamall.chat.message.internal.MessageRepository;
import com.sudamall.chat.message.internal.MessageRow;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The checks a new text and a message named by a request go through, whether it is sent or edited. */
@Component
class MessageRules {

    private final MessageRepository messages;
    private final MessageProperties properties;

    MessageRules(MessageRepository messages, MessageProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    /**
     * A numbered message of the room that the reader may see (a note is as unknown to the customer as a message
     * that never was); else 404, or a 400 naming {@code field} when a body named it.
     */
    MessageRow requireInRoom(UUID messageId, Room room, String readerId, @Nullable String field) {
        return messages.find(messageId)
                .filter(m -> m.roomId().equals(room.id()) && m.seq() != null)
                .filter(m -> m.type() != MessageType.NOTE || !room.hidesNotesFrom(readerId))
                .orElseThrow(() -> field == null
                        ? ChatException.notFound("Message")
                        : ChatException.invalid(field, "no such message in this room"));
    }

    /** The text, if it is neither empty nor too long. */
    String checkText(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new ChatException(ErrorCode.EMPTY_CONTENT, "Message content cannot be empty");
        }
        if (text.codePointCount(0, text.length()) > properties.maxLength()) {
            throw new ChatException(
                    ErrorCode.MESSAGE_TOO_LONG,
                    "Message content exceeds " + properties.maxLength() + " characters",
                    Map.of("content", "too long"));
        }
        return text;
    }
}
