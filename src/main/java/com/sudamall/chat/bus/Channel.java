package com.sudamall.chat.bus;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where an event goes: every socket in a room, or every multiplexed socket of a user.
 *
 * @param name {@code room:<uuid>} or {@code user:<id>}
 */
public record Channel(String name) {

    public static Channel room(UUID roomId) {
        return new Channel("room:" + roomId);
    }

    /** The room of a room channel; null for a user channel. */
    public @Nullable UUID roomId() {
        return name.startsWith("room:") ? UUID.fromString(name.substring("room:".length())) : null;
    }

    public static Channel user(String userId) {
        return new Channel("user:" + userId);
    }
}
