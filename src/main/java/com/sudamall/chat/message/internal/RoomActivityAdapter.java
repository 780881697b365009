package com.sudamall.chat.message.internal;

import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.MessageType;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomActivity;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Supplies {@code last_message} and {@code unread_count} to the room module's Room object; a conversation's customer
 * sees neither the team's notes nor their count.
 */
@Component
class RoomActivityAdapter implements RoomActivity {

    private final MessageRepository messages;
    private final ReadCursorRepository cursors;
    private final MessageRepresentation representation;
    private final CustomerViewRepository customerView;
    private final MentionRepository mentions;

    RoomActivityAdapter(
            MessageRepository messages,
            ReadCursorRepository cursors,
            MessageRepresentation representation,
            CustomerViewRepository customerView,
            MentionRepository mentions) {
        this.mentions = mentions;
        this.messages = messages;
        this.cursors = cursors;
        this.representation = representation;
        this.customerView = customerView;
    }

    @Override
    public Map<UUID, Summary> summaries(String readerId, Collection<Room> rooms) {
        List<UUID> withMessages =
                rooms.stream().filter(r -> r.lastSeq() > 0).map(Room::id).toList();
        Map<UUID, Long> unread = cursors.unreadIn(readerId, withMessages);
        Map<UUID, Long> mentioned = mentions.unreadIn(readerId, withMessages);
        Map<UUID, Room> byId = rooms.stream().collect(Collectors.toMap(Room::id, room -> room, (a, b) -> a));
        List<MessageRow> latest = messages.findLatest(withMessages).stream()
                .map(row -> row.type() == MessageType.NOTE
                                && byId.get(row.roomId()).hidesNotesFrom(readerId)
                        ? customerView.findLatestWithoutNotes(row.roomId()).orElse(null)
                        : row)
                .filter(Objects::nonNull)
                .toList();
        Map<UUID, Summary> summaries = new HashMap<>();
        for (Message last : representation.render(latest)) {
            summaries.put(
                    last.roomId(),
                    new Summary(
                            last,
                            Math.max(0, unread.getOrDefault(last.roomId(), 0L)),
                            mentioned.getOrDefault(last.roomId(), 0L)));
        }
        return summaries;
    }
}
