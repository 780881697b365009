package com.sudamall.chat.message.internal;

import com.sudamall.chat.message.Message;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomActivity;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Supplies {@code last_message} and {@code unread_count} to the room module's Room object. */
@Component
class RoomActivityAdapter implements RoomActivity {

    private final MessageRepository messages;
    private final ReadCursorRepository cursors;
    private final MessageRepresentation representation;

    RoomActivityAdapter(
            MessageRepository messages, ReadCursorRepository cursors, MessageRepresentation representation) {
        this.messages = messages;
        this.cursors = cursors;
        this.representation = representation;
    }

    @Override
    public Map<UUID, Summary> summaries(String readerId, Collection<Room> rooms) {
        List<UUID> withMessages =
                rooms.stream().filter(r -> r.lastSeq() > 0).map(Room::id).toList();
        Map<UUID, Long> unread = cursors.unreadIn(readerId, withMessages);
        Map<UUID, Summary> summaries = new HashMap<>();
        for (Message last : representation.render(messages.findLatest(withMessages))) {
            summaries.put(last.roomId(), new Summary(last, Math.max(0, unread.getOrDefault(last.roomId(), 0L))));
        }
        return summaries;
    }
}
