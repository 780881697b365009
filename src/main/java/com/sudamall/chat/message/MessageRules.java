package com.sudamall.chat.message;

import com.sudamall.chat.message.internal.MessageProperties;
import com.sudamall.chat.message.internal.MessageRepository;
import com.sudamall.chat.message.internal.MessageRow;
import com.sudamall.chat.room.Member;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.room.RoomType;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The checks a new text and a message named by a request go through, whether it is sent or edited. */
@Component
class MessageRules {

    static final int MAX_MENTIONS = 50;

    private final MessageRepository messages;
    private final MessageProperties properties;
    private final RoomAccess access;

    MessageRules(MessageRepository messages, MessageProperties properties, RoomAccess access) {
        this.messages = messages;
        this.properties = properties;
        this.access = access;
    }

    /**
     * The users a message names, each once and without its sender: participants of a room of more than two sides (a
     * private room's other user is named by the room itself), never the customer in a note, which they cannot read.
     */
    List<String> checkMentions(Room room, String senderId, List<@Nullable String> named, boolean note) {
        if (named.isEmpty()) {
            return List.of();
        }
        if (named.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw ChatException.invalid("mentions", "a list of user ids");
        }
        if (room.type() == RoomType.PRIVATE) {
            throw ChatException.invalid("mentions", "mentions are for group, store and support rooms");
        }
        List<String> distinct = new LinkedHashSet<>(named)
                .stream().filter(id -> !id.equals(senderId)).toList();
        if (distinct.size() > MAX_MENTIONS) {
            throw ChatException.invalid("mentions", "at most " + MAX_MENTIONS + " users");
        }
        Set<String> members =
                access.members(room.id()).stream().map(Member::userId).collect(Collectors.toSet());
        for (String id : distinct) {
            if (!members.contains(id) || note && room.hidesNotesFrom(id)) {
                throw ChatException.invalid("mentions", "not a participant of this room: " + id);
            }
        }
        return distinct;
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
