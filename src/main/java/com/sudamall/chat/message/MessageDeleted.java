package com.sudamall.chat.message;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message was deleted; it stays as a placeholder with its id and seq.
 *
 * @param roomId its room
 * @param messageId the message
 * @param seq its position
 * @param isNote whether it was an internal note, which its room's customer never saw
 */
public record MessageDeleted(
        UUID roomId, UUID messageId, @Nullable Long seq, boolean isNote) {}
