package com.sudamall.chat.bus;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A frame for every local socket on a channel, serialized once by the node that published it; or a change of room
 * membership that every node applies to its own sockets.
 *
 * @param channel the room or user it is for
 * @param frame the frame's JSON text, written as is to each socket; null for a membership change
 * @param skipUserId a user whose sockets must not get the frame (typing is never echoed to its sender)
 * @param seq the message's seq for {@code message} frames, which receivers deliver in seq order; 0 for other frames
 * @param membership the membership change this event carries, if any
 * @param publishedAt when the event was made, in epoch milliseconds, for the bus-lag and fan-out metrics; 0 when
 *     an older node published it without one
 */
public record BusEvent(
        Channel channel,
        @Nullable String frame,
        @Nullable String skipUserId,
        long seq,
        @Nullable Membership membership,
        long publishedAt) {

    public BusEvent(Channel channel, String frame, @Nullable String skipUserId, long seq) {
        this(channel, frame, skipUserId, seq, null, System.currentTimeMillis());
    }

    /** A user joined or left a room: nodes put that user's sockets on the room's channel or take them off. */
    public static BusEvent membership(Channel channel, UUID roomId, String userId, boolean joined) {
        return new BusEvent(channel, null, null, 0, new Membership(roomId, userId, joined), System.currentTimeMillis());
    }

    public record Membership(UUID roomId, String userId, boolean joined) {}

    /** A room changed: every node forgets what it remembers of it. */
    public static BusEvent roomChanged(UUID roomId) {
        return new BusEvent(Channel.ROOM_CHANGES, roomId.toString(), null, 0);
    }

    /** A user's blocks or mute changed: every node forgets what it remembers of them. */
    public static BusEvent conductChanged(String userId) {
        return new BusEvent(Channel.CONDUCT_CHANGES, userId, null, 0);
    }

    /** The user this event says changed, if it is on {@link Channel#CONDUCT_CHANGES}. */
    public @Nullable String changedConduct() {
        return channel.equals(Channel.CONDUCT_CHANGES) ? frame : null;
    }

    /** The room this event says changed, if it is on {@link Channel#ROOM_CHANGES}. */
    public @Nullable UUID changedRoom() {
        return channel.equals(Channel.ROOM_CHANGES) && frame != null ? UUID.fromString(frame) : null;
    }
}
