package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.bus.Channel;
import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.identity.User;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.WebSocketSession;

/**
 * One open socket: either a room socket ({@code /ws/chat/{room_id}/}, {@link #roomId()} set) or a user's
 * multiplexed socket ({@code /ws/chat/}, on all their rooms). Writes go through its {@link SocketWriter}, so a slow
 * client is closed with {@link CloseCode#TOO_SLOW} instead of holding the room back.
 */
final class SocketSession {

    private final WebSocketSession raw;
    private final SocketWriter out;
    private final CurrentUser user;
    private final User card;
    private final @Nullable UUID roomId;
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private final Map<UUID, RoomPosition> positions = new ConcurrentHashMap<>();
    private final InboundFrameBuffer inbound;

    SocketSession(
            WebSocketSession raw, CurrentUser user, User card, @Nullable UUID roomId, RealtimeProperties properties) {
        this.raw = raw;
        this.out = new SocketWriter(
                raw,
                properties.sendBufferSize().toBytes(),
                properties.sendTimeLimit().toNanos());
        this.user = user;
        this.card = card;
        this.roomId = roomId;
        this.inbound = new InboundFrameBuffer(properties.maxFrameSize().toBytes());
    }

    /** Joins the parts of the client's frames; used by the socket's reader only. */
    InboundFrameBuffer inbound() {
        return inbound;
    }

    String id() {
        return raw.getId();
    }

    CurrentUser user() {
        return user;
    }

    User card() {
        return card;
    }

    /** The room of a room socket; null for a multiplexed socket. */
    @Nullable
    UUID roomId() {
        return roomId;
    }

    boolean isMultiplexed() {
        return roomId == null;
    }

    /** The channels this socket is registered on (kept by {@link SessionRegistry}). */
    Set<Channel> channels() {
        return channels;
    }

    /** Where this socket stands in a room's message sequence (kept by {@link OrderedDelivery}). */
    RoomPosition position(UUID roomId) {
        return positions.computeIfAbsent(roomId, id -> new RoomPosition());
    }

    boolean isOpen() {
        return raw.isOpen() && !out.isClosing();
    }

    /** Queues a frame for this socket; never blocks on the client's network. */
    void send(String frame) {
        out.send(frame);
    }

    /** Queues a frame; {@code written} runs once it has gone out on the network. */
    void send(String frame, Runnable written) {
        out.send(frame, written);
    }

    /** Closes the socket (after no queued frame: what is queued is dropped). */
    void close(CloseCode code, String reason) {
        out.close(code.status(reason));
    }
}
