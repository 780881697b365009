package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.message.Deliveries;
import com.sudamall.chat.room.RoomAccess;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Writes a room's message frames to a socket in seq order, as {@link OrderedDelivery} decides, and reports each once
 * it is written: the user has then been sent the room from where this socket's unbroken run began to that seq (the
 * delivery cursor of {@link Deliveries}).
 */
@Component
class MessageFrames {

    private final Deliveries deliveries;
    private final RoomAccess access;
    private final int largeRoomSize;

    MessageFrames(Deliveries deliveries, RoomAccess access, RealtimeProperties properties) {
        this.deliveries = deliveries;
        this.access = access;
        this.largeRoomSize = properties.largeRoomSize();
    }

    /**
     * Sends the frame of {@code seq}. A note passed over for the customer is no frame ({@code ""}), only a step of
     * the run. A large room keeps no delivery cursors: its ✓✓ would wait for hundreds of members, and its reads say
     * as much.
     */
    void send(SocketSession session, UUID roomId, RoomPosition position, long seq, String frame) {
        long from = position.runFrom(seq);
        if (frame.isEmpty()) {
            return;
        }
        if (access.memberIds(roomId).size() > largeRoomSize) {
            session.send(frame);
            return;
        }
        String userId = session.user().id();
        session.send(frame, () -> deliveries.reached(roomId, userId, from, seq));
    }
}
