package com.sudamall.chat.moderation;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message was reported.
 *
 * @param flagId the open flag
 * @param messageId the message
 * @param roomId its room
 * @param reporterId who reported it; null when a content filter did
 * @param source {@code user} or {@code filter}
 */
public record MessageFlagged(
        UUID flagId, UUID messageId, UUID roomId, @Nullable String reporterId, String source) {}
