package com.sudamall.chat.realtime.internal;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * How many room sockets each user holds in each room on this node, so {@code user_joined} goes out when a user's
 * first socket in a room opens and {@code user_left} when their last one closes: a user with five tabs is one
 * arrival, and a reconnect storm sends one frame per user instead of one per socket.
 */
@Component
class RoomAttendance {

    private record Seat(UUID roomId, String userId) {}

    private final Map<Seat, Integer> sockets = new ConcurrentHashMap<>();

    /** Counts a socket in; true when it is the user's first in the room. */
    boolean arrive(UUID roomId, String userId) {
        return sockets.merge(new Seat(roomId, userId), 1, Integer::sum) == 1;
    }

    /** Counts a socket out; true when it was the user's last in the room. */
    boolean leave(UUID roomId, String userId) {
        return sockets.compute(
                        new Seat(roomId, userId), (seat, count) -> count == null || count <= 1 ? null : count - 1)
                == null;
    }
}
