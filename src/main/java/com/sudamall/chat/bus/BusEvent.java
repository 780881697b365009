package com.sudamall.chat.bus;

import org.jspecify.annotations.Nullable;

/**
 * A frame for every local socket on a channel, serialized once by the node that published it.
 *
 * @param channel the room or user it is for
 * @param frame the frame's JSON text, written as is to each socket
 * @param skipUserId a user whose sockets must not get the frame (typing is never echoed to its sender)
 * @param seq the message's seq for {@code message} frames, which receivers deliver in seq order; 0 for other frames
 */
public record BusEvent(
        Channel channel, String frame, @Nullable String skipUserId, long seq) {}
