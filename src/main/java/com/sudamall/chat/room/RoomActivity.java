package com.sudamall.chat.room;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the message module adds to the Room object of API.md ({@code last_message}, {@code unread_count}). The room
 * module declares it and the message module implements it, so the Room JSON is complete while the dependency
 * points from message to room only.
 */
public interface RoomActivity {

    /** The latest message and the reader's unread count for each room; rooms without messages may be absent. */
    Map<UUID, Summary> summaries(String readerId, Collection<Room> rooms);

    /**
     * @param lastMessage the room's newest message, as the Message object of API.md
     * @param unreadCount messages the reader has not read
     * @param unreadMentions of those, the ones that name the reader
     */
    record Summary(@Nullable Object lastMessage, long unreadCount, long unreadMentions) {}
}
