package com.sudamall.chat.bus;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where an event goes: every socket in a room, every multiplexed socket of a user, or every node.
 *
 * @param name {@code room:<uuid>}, {@code user:<id>}, {@code room-changes} or {@code conduct-changes}
 */
public record Channel(String name) {

    /** Every node: rooms whose settings or participants changed (the event's frame is the room's id). */
    public static final Channel ROOM_CHANGES = new Channel("room-changes");

    /** Every node: users whose blocks or mute changed (the event's frame is the user's id). */
    public static final Channel CONDUCT_CHANGES = new Channel("conduct-changes");

    public static Channel room(UUID roomId) {
        return new Channel("room:" + roomId);
    }

    /** The room of a room channel; null for a user channel. */
    public @Nullable UUID roomId() {
        return name.startsWith("room:") ? UUID.fromString(name.substring("room:".length())) : null;
    }

    /** The user of a user channel; null for a room channel. */
    public @Nullable String userId() {
        return name.startsWith("user:") ? name.substring("user:".length()) : null;
    }

    public static Channel user(String userId) {
        return new Channel("user:" + userId);
    }
}
