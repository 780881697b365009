package com.sudamall.chat.message;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message was stored and numbered. Published inside the sending transaction; live delivery listens after commit.
 *
 * @param message the message as clients see it
 * @param senderName the sender's display name, for notifications
 */
public record MessageSent(Message message, @Nullable String senderName) {

    public UUID roomId() {
        return message.roomId();
    }
}
