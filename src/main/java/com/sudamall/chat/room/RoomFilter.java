package com.sudamall.chat.room;

import org.jspecify.annotations.Nullable;

/**
 * Which of my rooms to list; null matches any. A conversation filter (status, assignee, label) lists conversations
 * only.
 *
 * @param type the room type
 * @param status the conversation's status
 * @param unassigned only conversations no one is assigned to
 * @param assigneeId only conversations assigned to this user
 * @param label only conversations with this label
 */
public record RoomFilter(
        @Nullable RoomType type,
        @Nullable ConversationStatus status,
        boolean unassigned,
        @Nullable String assigneeId,
        @Nullable String label) {

    public static final RoomFilter ANY = new RoomFilter(null, null, false, null, null);
}
