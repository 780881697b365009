package com.sudamall.chat.realtime.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * WebSocket settings.
 *
 * @param maxFrameSize largest frame a client may send
 * @param readBufferSize the part size in which frames are read; allocated per socket, so small
 * @param sendBufferSize bytes queued for one socket before it counts as too slow and is closed
 * @param sendTimeLimit longest a single write to one socket may take before it counts as too slow
 * @param typingTimeout a typing indicator not renewed within this time ends with {@code is_typing: false}
 * @param largeRoomSize rooms with more participants get no per-member frames ({@code presence}, {@code unread}):
 *     those would cost a frame per member for each event; their clients count unread messages from the
 *     {@code message} frames
 * @param maxSocketsPerUser sockets one user may hold open on this node; more are closed with 4429
 * @param catchUpReads database reads that sockets catching up (opening, resuming, filling a gap) may run at once
 *     on this node; the rest wait their turn, so a reconnect storm leaves the pool to the senders
 * @param handshakes socket handshakes that may do their work (token, room, position) at once on this node
 * @param handshakeQueue handshakes that may wait for a turn; one more is refused with 503 and {@code Retry-After}
 * @param handshakeWait the longest a handshake waits for its turn before it is refused the same way
 */
@ConfigurationProperties("chat.realtime")
record RealtimeProperties(
        @DefaultValue("64KB") DataSize maxFrameSize,
        @DefaultValue("1KB") DataSize readBufferSize,
        @DefaultValue("1MB") DataSize sendBufferSize,
        @DefaultValue("10s") Duration sendTimeLimit,
        @DefaultValue("5s") Duration typingTimeout,
        @DefaultValue("100") int largeRoomSize,
        @DefaultValue("20") int maxSocketsPerUser,
        @DefaultValue("8") int catchUpReads,
        @DefaultValue("64") int handshakes,
        @DefaultValue("20000") int handshakeQueue,
        @DefaultValue("10s") Duration handshakeWait) {}
