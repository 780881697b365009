package com.sudamall.chat.room;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A room was created.
 *
 * @param roomId the new room
 * @param name its name
 * @param participantIds everyone in it
 * @param createdBy the creating user, null when the platform created it
 */
public record RoomCreated(
        UUID roomId,
        String name,
        List<String> participantIds,
        @Nullable String createdBy) {}
