package com.sudamall.chat.room;

import org.jspecify.annotations.Nullable;

/**
 * Change a room's name and settings; null leaves a setting as it is.
 *
 * @param name new name
 * @param allowFileSharing whether files may be sent
 * @param isModerated whether messages are held for approval
 * @param moderatorId the room's moderator; an empty string clears it
 */
public record UpdateRoom(
        @Nullable String name,
        @Nullable Boolean allowFileSharing,
        @Nullable Boolean isModerated,
        @Nullable String moderatorId) {}
