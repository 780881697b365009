package com.sudamall.chat.room;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user was added to an existing room.
 *
 * @param roomId the room
 * @param roomName its name
 * @param userId the new participant
 * @param addedBy who added them
 */
public record MemberJoined(
        UUID roomId,
        String roomName,
        String userId,
        @Nullable String addedBy) {}
